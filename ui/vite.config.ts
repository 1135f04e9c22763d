// Vite build for the Tauri web UI: relative asset paths, output in ui/dist.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep everything in files: the CSP forbids inline scripts and data: fonts.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    strictPort: true,
  },
});
