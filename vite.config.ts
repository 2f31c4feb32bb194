// Builds the renderer (renderer/ -> dist/renderer). Paths are absolute so the e2e tests can build
// from any working directory; base './' lets the same bundle load from file:// in Electron.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: resolve(here, 'renderer'),
  base: './',
  plugins: [react()],
  // shared/ lives beside renderer/, outside Vite's root.
  server: { fs: { allow: [here] } },
  build: {
    outDir: resolve(here, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
