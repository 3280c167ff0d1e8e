import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { prepareFormatters } from './domain/format';
import './styles.css';

async function start() {
  // In development the msw handler set (shared with the tests) serves the data and, with
  // ?mock=dataset-500 etc., the failure cases.
  if (import.meta.env.DEV && new URLSearchParams(location.search).has('mock')) {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker(new URLSearchParams(location.search).get('mock') ?? '');
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
void start();
// While the page is idle after its first render, so no later task (an import's) pays for it.
if ('requestIdleCallback' in window) requestIdleCallback(prepareFormatters, { timeout: 2000 });
else setTimeout(prepareFormatters, 500);
