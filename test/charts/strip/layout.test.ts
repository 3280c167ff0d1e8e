import { describe, expect, it } from 'vitest';
import { stripLayout } from '../../../src/charts/strip/layout';

describe('strip plot layout', () => {
  const values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const l = stripLayout(values, [{ label: 'Q1', value: 25 }], 73, 240, 44, (v) => `${v}%`);

  it('keeps every dot, cut-off and the school inside the plot', () => {
    expect(l.dots.reduce((sum, d) => sum + d.count, 0)).toBe(values.length);
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

  it('draws schools at one spot as one dot that counts them, every school counted', () => {
    // 20,000 values between 0 and 100, ascending: far more schools than half-pixel spots.
    const many = Array.from({ length: 20000 }, (_, i) => (i * 37) % 101).sort((a, b) => a - b);
    const m = stripLayout(many, [], 50, 240, 44);
    expect(m.dots.reduce((sum, d) => sum + d.count, 0)).toBe(many.length);
    expect(m.dots.length).toBeLessThan(101 * 13 + 1);
    // Spots are apart: no two in one half pixel and jitter row.
    const keys = m.dots.map((d) => `${Math.round(d.x * 2)},${d.y}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every value a school has is on the axis: the extremes are drawn.
    expect(Math.min(...m.dots.map((d) => d.x))).toBeCloseTo(6);
    expect(Math.max(...m.dots.map((d) => d.x))).toBeCloseTo(234);
  });

  it('copes with a group where every value is the same', () => {
    const flat = stripLayout([5, 5, 5], [], 5);
    expect(flat.dots.every((d) => Number.isFinite(d.x))).toBe(true);
  });
});
