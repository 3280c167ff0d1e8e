import { describe, expect, it } from 'vitest';
import { inTurns } from '../../src/workers/turns';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the order the worker answers in', () => {
  it('answers a request at once, and background work after the requests that come meanwhile', async () => {
    const order: string[] = [];
    const receive = inTurns(async (m: { name: string; background?: boolean }) => {
      order.push(m.name);
    });
    receive({ name: 'prefetch 1', background: true });
    receive({ name: 'prefetch 2', background: true });
    receive({ name: 'filter' });
    expect(order).toEqual(['filter']);
    await tick();
    // One background item per turn: a request arriving between them goes first.
    expect(order).toEqual(['filter', 'prefetch 1']);
    receive({ name: 'sort' });
    for (let k = 0; k < 5; k++) await tick();
    expect(order).toEqual(['filter', 'prefetch 1', 'sort', 'prefetch 2']);
    // Drained: new background work starts the queue again.
    receive({ name: 'prefetch 3', background: true });
    for (let k = 0; k < 3; k++) await tick();
    expect(order.at(-1)).toBe('prefetch 3');
  });

  it('goes on with the queue when a background answer fails', async () => {
    const order: string[] = [];
    const receive = inTurns(async (m: { name: string; background?: boolean }) => {
      order.push(m.name);
      if (m.name === 'bad') throw new Error('bad');
    });
    receive({ name: 'bad', background: true });
    receive({ name: 'next', background: true });
    for (let k = 0; k < 5; k++) await tick();
    expect(order).toEqual(['bad', 'next']);
  });
});
