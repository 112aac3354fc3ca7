import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No node:url here so this file type-checks with the browser libs of web/tsconfig.json.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mantine + React are one chunk of about 600 kB before gzip; that is expected here.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/health': apiServer,
    },
  },
});
