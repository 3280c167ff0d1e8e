import { defineConfig } from 'vitest/config';

// Browser journeys: real Chromium (Debian package) via playwright-core, on the production build
// served as static files from a sub-path.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
