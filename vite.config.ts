import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; `vite build` writes dist/web, which the Accord server serves.
// In development (`npm run dev:web`) Vite proxies the API to a server started with `npm run dev`;
// ACCORD_API_URL points the proxy elsewhere (e.g. a second server on another port).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: { '/api': process.env.ACCORD_API_URL ?? 'http://127.0.0.1:3000' } },
});
