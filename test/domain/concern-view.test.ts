import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mostSeriousFirst, performanceColumns } from '../../src/domain/concern-order';
import {
  concernItems,
  concernOrder,
  concernTable,
  previousText,
} from '../../src/domain/concern-view';
import { partnershipAt } from '../../src/domain/engine/group-structure';
import { ratingAt, rowsMatching } from '../../src/domain/engine/query';
import { rateTable } from '../../src/domain/engine/rate-table';
import { rollUpFilter } from '../../src/domain/rated-view';
import { compileRules } from '../../src/domain/rules/compile';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { demoRated } from '../helpers/demo-ratings';
import { loadPresetJson } from '../helpers/schools';

describe('the schools causing concern, as the worker answers the authority view', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const tr = rateTable(table, compileRules(loadPresetJson()));
  const { rated } = demoRated();

  it.each(['partnership', 'trust'])('orders them and names each one’s %s by a code', (grouping) => {
    const filter = { year: '2018/19', grouping };
    const order = concernOrder(rollUpFilter(tr, filter));
    const red = rowsMatching(table, filter).filter((i) => ratingAt(tr, -1, i) === 'red');
    expect(Array.from(order.rows)).toEqual(mostSeriousFirst(tr, red, performanceColumns(tr)));
    expect(order.groups).toEqual([...order.groups].sort(new Intl.Collator('en-GB').compare));
    expect(new Set(order.groups).size).toBe(order.groups.length);
    order.rows.forEach((row, p) =>
      expect(order.groups[order.groupOf[p]!]).toBe(partnershipAt(table, row, grouping)),
    );
    // Every group listed has a school in the list.
    expect(new Set(order.groupOf).size).toBe(order.groups.length);
  });

  it('explains each listed school: its red reasons and its overall the year before', () => {
    const order = concernOrder(rollUpFilter(tr, { year: '2018/19' }));
    const rows = Array.from(order.rows.subarray(0, 10));
    const items = concernItems(tr, rows, 'partnership');
    const ids = loadPresetJson()
      .indicators.filter((i) => i.kind === 'performance')
      .map((i) => i.id);
    items.forEach((item, k) => {
      const r = rated.schools[rows[k]!]!;
      expect(item).toMatchObject({ urn: r.school.urn, name: r.school.name });
      expect(item.group).toBe(r.school.partnership);
      expect(item.reds).toEqual(
        ids.flatMap((id) =>
          r.byIndicator[id]!.rating === 'red' ? [r.byIndicator[id]!.reason] : [],
        ),
      );
      const before = rated.schools.find(
        (s) => s.school.urn === r.school.urn && s.school.year === '2017/18',
      );
      expect(item.previous?.rating).toBe(before?.overall.rating);
    });
    expect(items.some((i) => i.previous?.basis)).toBe(true);
  });

  it('writes the list as a table with the grouping as its group column', () => {
    const order = concernOrder(rollUpFilter(tr, { year: '2018/19', grouping: 'trust' }));
    const rows = Array.from(order.rows);
    const out = concernTable(tr, rows, 'trust');
    expect(out[0]).toEqual([
      'urn',
      'name',
      'trust',
      'phase',
      'reds',
      'ambers',
      'reason',
      'previous_overall',
    ]);
    expect(out).toHaveLength(rows.length + 1);
    const items = concernItems(tr, rows, 'trust');
    out.slice(1).forEach((line, k) => {
      expect(line[0]).toBe(items[k]!.urn);
      expect(line[2]).toBe(items[k]!.group);
      expect(line[4]).toBe(items[k]!.reds.length);
      expect(line[7]).toBe(previousText(items[k]!.previous));
    });
  });

  it('says the year before in words, and why it is not comparable', () => {
    expect(previousText(undefined)).toBe('');
    expect(previousText({ rating: 'amber', year: '2017/18', basis: '' })).toBe('2017/18: amber');
    expect(
      previousText({ rating: 'none', year: '2017/18', basis: '2017/18 has no Absence data' }),
    ).toBe('2017/18: no data (not comparable: 2017/18 has no Absence data)');
  });
});
