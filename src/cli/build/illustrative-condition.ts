/**
 * Illustrative building-condition values for the demo. The DfE does not publish condition per
 * school; the Property Data Survey Programme (2012-14) sample is anonymised to LA and site. Each
 * demo school is given the cost to make good per m² of one real surveyed site in its own LA,
 * chosen deterministically from its URN, and is labelled illustrative wherever it is shown.
 */
import { parseTable, columnIndex } from '../../import/table';

export interface SiteCondition {
  la: string;
  siteId: string;
  /** Sum of component costs to make good / gross internal floor area of the site's buildings. */
  costPerM2: number;
}

export function siteConditions(text: string): SiteCondition[] {
  const { header, rows } = parseTable(text);
  const col = (n: string) => columnIndex(header, n);
  const [la, site, building, cost, gifa, step] = [
    'lano',
    'siteid',
    'buildingid',
    'cost',
    'gifa',
    'timestep',
  ].map(col) as number[];
  const sites = new Map<
    string,
    { la: string; siteId: string; cost: number; areas: Map<string, number> }
  >();
  for (const r of rows) {
    if (r[step as number] !== '0') continue; // timestep 0: condition as surveyed, not projected
    const key = `${r[la as number]}|${r[site as number]}`;
    let s = sites.get(key);
    if (!s)
      sites.set(
        key,
        (s = {
          la: r[la as number] ?? '',
          siteId: r[site as number] ?? '',
          cost: 0,
          areas: new Map(),
        }),
      );
    s.cost += Number(r[cost as number]) || 0;
    s.areas.set(r[building as number] ?? '', Number(r[gifa as number]) || 0);
  }
  return [...sites.values()]
    .map((s) => ({
      la: s.la,
      siteId: s.siteId,
      area: [...s.areas.values()].reduce((a, b) => a + b, 0),
      cost: s.cost,
    }))
    .filter((s) => s.area > 0)
    .map((s) => ({
      la: s.la,
      siteId: s.siteId,
      costPerM2: Math.round((s.cost / s.area) * 10) / 10,
    }))
    .sort((a, b) => a.la.localeCompare(b.la) || Number(a.siteId) - Number(b.siteId));
}

/** A stable pick of one site for a URN (FNV-1a hash), so rebuilding gives the same demo. */
export function pickSite(urn: string, sites: readonly SiteCondition[]): SiteCondition | undefined {
  if (!sites.length) return undefined;
  let h = 0x811c9dc5;
  for (const ch of urn) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return sites[h % sites.length];
}
