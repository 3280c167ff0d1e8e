/**
 * Easting/northing conversion checked against latitude/longitude published independently: the
 * DfE KS2 file carries LATITUDE/LONGITUDE for the same schools whose GIAS record has
 * Easting/Northing. Many of them are the same point, so they must agree to within a metre.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { expect, it } from 'vitest';
import { SHARED_DATA } from '../../src/cli/build/sources';
import { eastingNorthingToLatLon } from '../../src/import/osgb';
import { describeWithSharedData } from '../helpers/shared-data';

const metres = (a: [number, number], b: [number, number]) => {
  const dy = (a[0] - b[0]) * 111_320;
  const dx = (a[1] - b[1]) * 111_320 * Math.cos((a[0] * Math.PI) / 180);
  return Math.hypot(dx, dy);
};

it('rejects coordinates outside the National Grid', () => {
  expect(eastingNorthingToLatLon(0, 0)).toBeUndefined();
  expect(eastingNorthingToLatLon(900_000, 100_000)).toBeUndefined();
  expect(eastingNorthingToLatLon(Number.NaN, 100_000)).toBeUndefined();
});

describeWithSharedData('OSGB36 grid to WGS84 on real schools', () => {
  it('matches the DfE latitude/longitude of the same schools', () => {
    const read = (p: string) => csvParse(readFileSync(`${SHARED_DATA}/${p}`, 'latin1'));
    const gias = read('gias-2022-hampshire-surrey/gias_20220420_850_936_primary.csv');
    const ks2 = new Map(
      read('dfe-2018-19/england_ks2final_trimmed.csv').map((r) => [r.URN, r] as const),
    );
    const gaps: number[] = [];
    for (const g of gias) {
      const k = ks2.get(g.URN ?? '');
      if (!k?.LATITUDE || !g.Easting || !g.Northing) continue;
      const ll = eastingNorthingToLatLon(Number(g.Easting), Number(g.Northing));
      expect(ll, `URN ${g.URN}`).toBeDefined();
      gaps.push(metres(ll as [number, number], [Number(k.LATITUDE), Number(k.LONGITUDE)]));
    }
    gaps.sort((a, b) => a - b);
    expect(gaps.length).toBe(538);
    // 71 schools are placed on the very same point by both sources; the rest differ by where
    // each source put the school (building or postcode), a few hundred metres at most typically.
    expect(gaps.filter((d) => d < 1).length).toBeGreaterThanOrEqual(71);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(100);
  });
});
