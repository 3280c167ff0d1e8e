import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createQueryClient } from '../../src/api/query-client';
import { App } from '../../src/app/App';

/** Renders the whole app at a hash route, as a person would open a link. */
export function renderApp(hash: string) {
  window.location.hash = hash;
  const client = createQueryClient();
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>,
    ),
  };
}
