import { describe, expect, it } from 'vitest';
import { stripLayout } from '../../../src/charts/strip/layout';

describe('strip plot layout', () => {
  const values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const l = stripLayout(values, [{ label: 'Q1', value: 25 }], 73, 240, 44, (v) => `${v}%`);

  it('keeps every dot, cut-off and the school inside the plot', () => {
    expect(l.dots).toHaveLength(values.length);
    for (const x of [...l.dots.map((d) => d.x), ...l.cutoffs.map((c) => c.x), l.marker?.x ?? -1]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(240);
    }

    expect(l.cutoffs[0]?.x).toBeCloseTo(6 + 0.25 * 228);
  });

  it('anchors the edge tick labels inwards so they are not clipped', () => {
    expect(l.ticks[0]).toMatchObject({ label: '0%', anchor: 'start' });
    expect(l.ticks[l.ticks.length - 1]).toMatchObject({ label: '100%', anchor: 'end' });
    expect(l.ticks.slice(1, -1).every((t) => t.anchor === 'middle')).toBe(true);
  });

  it('copes with a group where every value is the same', () => {
    const flat = stripLayout([5, 5, 5], [], 5);
    expect(flat.dots.every((d) => Number.isFinite(d.x))).toBe(true);
  });
});
