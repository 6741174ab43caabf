import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router.js'
import { loadConfig } from './session.js'
import './console.css'

await loadConfig()
createApp(App).use(ElementPlus).use(router).mount('#app')
