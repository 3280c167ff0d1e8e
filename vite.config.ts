import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset URL relative, so the built app can be served as static
// files from any sub-path (e.g. https://intranet.example/la/rag/) without a rebuild.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across
        // releases, and no single chunk passes the 500 kB warning.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 3,
            },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
            // d3-geo is left out: only the lazily loaded map uses it.
            { name: 'vendor', test: /node_modules[\\/](?!d3-geo[\\/])/, priority: 1 },
          ],
        },
      },
    },
  },

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
