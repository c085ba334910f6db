import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin.ts';
import { cspMetaPlugin } from './build/cspMetaPlugin.ts';
import { SECURITY_HEADERS } from './build/contentSecurityPolicy.ts';

// `cargo xtask serve` builds this and serves dist/ on http://127.0.0.1:8080.
export default defineConfig({
  plugins: [react(), serviceWorkerPlugin(), cspMetaPlugin()],
  build: {
    target: 'es2022',
    // The wasm stays a separate, cacheable file (never inlined as base64).
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: {
    host: '127.0.0.1',
    port: 8080,
    strictPort: true,
    headers: SECURITY_HEADERS,
  },
});
