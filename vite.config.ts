import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The production build only: a Content-Security-Policy (everything from our own origin, no
 * eval, no inline script; workers and downloads from blob: URLs we make), and no msw mock
 * worker (public/ holds it for development; shipped, it could intercept the app's requests).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function productionHardening(): Plugin {
  let outDir = 'dist';
  return {
    name: 'production-hardening',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
    closeBundle() {
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

// `base: './'` makes every asset URL relative, so the built app can be served as static
// files from any sub-path (e.g. https://intranet.example/la/rag/) without a rebuild.
export default defineConfig({
  base: './',
  plugins: [react(), productionHardening()],
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
