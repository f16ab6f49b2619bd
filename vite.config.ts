// The renderer is one static build (dist/renderer) served by both bindings: the app:// protocol
// in Electron and the 127.0.0.1 demo host. Relative asset paths keep it origin-agnostic.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Both hosts replace this placeholder with a fresh nonce per response (see electron/csp.ts);
  // Vite stamps it on its own tags and on <meta property="csp-nonce"> for antd's style tags.
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
