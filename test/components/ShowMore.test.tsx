// @vitest-environment jsdom
/** The "Showing N of M" line counts what is on the page, also while a page is being revealed. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ShowMore } from '../../src/components/ShowMore';

afterEach(cleanup);

const items = Array.from({ length: 60 }, (_, k) => `item ${k}`);

function List() {
  return (
    <ShowMore
      items={items}
      page={25}
      noun="groups"
      render={(visible) => (
        <ul>
          {visible.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      )}
    />
  );
}

/** The count the line gives and the items on the page, read at the same moment. */
const state = () => ({
  said: Number(/Showing (\d+) of 60 groups/.exec(document.body.textContent ?? '')?.[1]),
  shown: screen.getAllByRole('listitem').length,
});

describe('ShowMore', () => {
  it('says how many items are on the page at every step, and adds a page per click', async () => {
    render(<List />);
    const steps = [state()];
    await waitFor(() => {
      steps.push(state());
      expect(steps.at(-1)!.shown).toBe(25);
    });
    for (const s of steps) expect(s.said).toBe(s.shown);
    expect(steps[0]!.shown).toBeLessThan(25);
    await userEvent.click(screen.getByRole('button', { name: 'Show 25 more groups' }));
    await waitFor(() => expect(state()).toEqual({ said: 50, shown: 50 }));
    await userEvent.click(screen.getByRole('button', { name: 'Show 10 more groups' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(60));
    expect(screen.queryByText(/Showing/)).toBeNull();
  });
});
