// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app';

describe('moving to another screen', () => {
  it("puts focus on the new screen's heading, as a new page would start there", async () => {
    renderApp('#/authority');
    const first = await screen.findByRole('heading', { level: 1 }, { timeout: 20000 });
    // The first load leaves focus where the browser puts it.
    expect(document.activeElement).not.toBe(first);
    window.location.hash = '#/school?urn=115851';
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: 'Anstey Junior School' },
      { timeout: 20000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(heading), { timeout: 5000 });
  });
});
