import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The operator console: a Preact app compiled into dist/console, which the api serves at /console
// (see ../console.controller.ts). Everything is bundled: no CDN, nothing fetched from elsewhere.
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(root, '../../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline script: the content security policy allows scripts from our own origin only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
