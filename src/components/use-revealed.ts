/**
 * How many of a list's items to put on the page now: a first few when the list first mounts,
 * then a few more each frame until all are there. The browser lays out and paints a new screen
 * in one task; a national heatmap page laid out whole took 90 ms of it (style, first text
 * shaping, paint), so the page froze. In steps, the top of the screen is painted first and no
 * step is a long task. A list that changes but keeps its length (a filter, a sort) is shown
 * at once, its boxes already there; one that grows ("Show more") grows by the same steps.
 */
import { startTransition, useEffect, useState } from 'react';

/** After the frame that shows the last step is painted (a timer set in an animation frame). */
function afterPaint(run: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const t = setTimeout(run, 0);
    return () => clearTimeout(t);
  }
  let t: ReturnType<typeof setTimeout> | undefined;
  const f = requestAnimationFrame(() => (t = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(f);
    if (t !== undefined) clearTimeout(t);
  };
}

export function useRevealed(total: number, first: number, step: number): number {
  const [shown, setShown] = useState(first);
  const done = shown >= total;
  useEffect(() => {
    if (done) return;
    return afterPaint(() => startTransition(() => setShown((s) => s + step)));
  }, [done, shown, step]);
  return Math.min(shown, total);
}

/**
 * False on the first render, true once the page has been painted with the caller mounted: a
 * part below the fold (the concern list of a national authority page: 2,800 schools sorted) is
 * worked out after the top of the page is on screen, not in the same task.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    return afterPaint(() => startTransition(() => setPainted(true)));
  }, [painted]);
  return painted;
}
