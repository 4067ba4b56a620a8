import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The gateway serves the built files at /console/ (same origin as /api/v1, so no CORS);
// `npm run dev` (and `vite preview`) proxy /api to a local suite on :8080, or SUITE_URL.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': {
        target: process.env.SUITE_URL ?? 'http://localhost:8080',
        // the gateway refuses cross-origin calls (403 CORS): to it, the proxied call is the same-origin one it will be
        configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
      },
    },
  },
  test: {
    testTimeout: 20_000,
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
