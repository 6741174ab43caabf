import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is served at the origin's root (locally by the local runtime, in AWS by CloudFront from S3);
// every screen is its own chunk, loaded when first opened, so the first load stays small.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/vue') || id.includes('node_modules/@vue')) return 'vue'
        }
      }
    }
  }
})
