/** Component tests: msw serves the same handler set as dev; each test gets a fresh URL and cache. */
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';

// jsdom lays nothing out, so it has no scrolling: opening a screen at its top is a no-op here.
window.scrollTo = () => undefined;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
  window.location.hash = '';
});
afterAll(() => server.close());
