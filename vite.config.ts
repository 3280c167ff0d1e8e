import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset URL relative, so the built app can be served as static
// files from any sub-path (e.g. https://intranet.example/la/rag/) without a rebuild.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    // Pinned TZ keeps date rendering deterministic across machines.
    env: { TZ: 'UTC' },
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Component tests opt into jsdom per file; msw starts only there.
    setupFiles: ['test/setup-files.ts'],

    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
