// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterPaint, useRevealed } from '../../src/components/use-revealed';

describe('useRevealed', () => {
  it('starts with the first few, then adds a step a frame until all are shown', async () => {
    const seen: number[] = [];
    const { result, rerender } = renderHook(
      ({ total }) => {
        const n = useRevealed(total, 8, 8);
        seen.push(n);
        return n;
      },
      { initialProps: { total: 25 } },
    );
    expect(seen[0]).toBe(8);
    await waitFor(() => expect(result.current).toBe(25));
    // Every step in between was shown, none beyond the total.
    expect([...new Set(seen)]).toEqual([8, 16, 24, 25]);
    // A longer list later (a "Show more") grows to its end too.
    rerender({ total: 40 });
    await waitFor(() => expect(result.current).toBe(40));
  });

  it('never shows more than there are', () => {
    const { result } = renderHook(() => useRevealed(3, 8, 8));
    expect(result.current).toBe(3);
  });

  it('says a part may be shown only after the first paint without it', async () => {
    const seen: boolean[] = [];
    const { result } = renderHook(() => {
      const painted = useAfterPaint();
      seen.push(painted);
      return painted;
    });
    expect(seen[0]).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
  });
});
