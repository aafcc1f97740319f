import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The repository root: UI strings live in ../assets/locales and are imported with `?raw`.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.TAURI_DEV_HOST;

export default defineConfig({
  plugins: [svelte()],
  // Tauri serves the built files itself; relative URLs keep them working under any origin.
  base: './',
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: host || false,
    fs: { allow: [repoRoot] },
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // pdf.js is large; it is loaded on demand by the preview component.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  worker: { format: 'es' },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // A form test drives a dozen events through jsdom: ~1 s here, over 5 s (the default limit) while a cold
    // Rust build shares the two cores. A hung test still fails, only later.
    testTimeout: 30_000,
  },
});
