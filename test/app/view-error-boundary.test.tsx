// @vitest-environment jsdom
/**
 * A screen that fails (its code will not download, or it throws while rendering) shows a plain
 * message and a way to try again, never a blank page.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyView } from '../../src/app/lazy-view';
import { ViewErrorBoundary } from '../../src/app/ViewErrorBoundary';

const Hello = () => <p>Hello, rules</p>;
const shell = (node: React.ReactNode) => (
  <ViewErrorBoundary what="the rules screen">
    <Suspense fallback={<p>Loading…</p>}>{node}</Suspense>
  </ViewErrorBoundary>
);

describe('screens that fail', () => {
  it('retries a chunk that fails to download, and shows it when a retry works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls = 0;
    const View = lazyView(async () => {
      if (++calls < 3) throw new TypeError('Failed to fetch dynamically imported module');
      return Hello;
    });
    render(shell(<View />));
    expect(await screen.findByText('Hello, rules', {}, { timeout: 5000 })).toBeTruthy();
    expect(calls).toBe(3);
  });

  it('says a screen could not be downloaded, and "Try again" downloads it afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let online = false;
    const View = lazyView(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return Hello;
    });
    render(shell(<View />));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/Something went wrong showing the rules screen/);
    expect(alert.textContent).toMatch(/could not be downloaded .*Check the connection/);
    online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello, rules')).toBeTruthy();
  });

  it('shows an error thrown while rendering in words, not a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('indicators[0].label is undefined');
      return <p>Fixed</p>;
    }
    render(shell(<Fragile />));
    expect(screen.getByRole('alert').textContent).toMatch(/indicators\[0\]\.label is undefined/);
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Fixed')).toBeTruthy();
  });
});
