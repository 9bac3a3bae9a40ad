import { defineConfig } from 'vitest/config';

// The API serves /m/assets/* from this folder (long-cached, shared by every shop) and index.html for
// every page route /m/{posId}/ and /m/{posId}/result/{orderId}.
const outDir = '../Platform.Api/wwwroot/miniapp'; // relative to this folder (Vite's root)

export default defineConfig({
  base: '/m/',
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2019',
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
