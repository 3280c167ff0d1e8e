import { setupWorker } from 'msw/browser';
import { failures, handlers } from './handlers/data';

export async function startMockWorker(failure: string) {
  const worker = setupWorker(...(failures[failure] ?? []), ...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
