/** One built app served from a sub-path and one Chromium per test file, closed afterwards. */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, startStaticServer } from '../../src/cli/browser-harness';

export function serveAppUnderTest(enabled = true): { base: string; browser: Browser } {
  const env = { base: '', browser: undefined as unknown as Browser };
  let server: Server | undefined;
  beforeAll(async () => {
    if (!enabled) return;
    const s = await startStaticServer();
    server = s.server;
    env.base = s.base;
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    server?.close();
  });
  return env;
}
