import { createApp } from 'vue'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router.js'
import { loadConfig, refusalText } from './session.js'
import './console.css'

await loadConfig()
const app = createApp(App).use(ElementPlus).use(router)
// a call that failed where no screen catches it still tells the person why, in their language (and stays in the
// browser's console, where the e2e flows look for errors)
const tell = e => ElMessage.error({ message: refusalText(e), grouping: true })
app.config.errorHandler = (e) => { tell(e); console.error(e) }
window.addEventListener('unhandledrejection', event => tell(event.reason))
app.mount('#app')
