/** A table packed to cross threads comes back the same, and its sender's arrays are untouched. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packTable, unpackTable } from '../../../src/domain/table/pack';
import { allTexts, textColumn } from '../../../src/domain/table/text-column';
import type { SchoolTable } from '../../../src/domain/table/school-table';
import { readCanonicalTable } from '../../../src/import/canonical-table';

/** The table with its missing codes as plain Maps (they come back as RowCodes). */
const plainCodes = (t: SchoolTable): SchoolTable => ({
  ...t,
  missingCodes: new Map([...t.missingCodes].map(([c, m]) => [c, new Map(m)])),
});

describe('packTable', () => {
  const table = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');

  it('round-trips the demo table through a structured clone with its buffers transferred', () => {
    const before = structuredClone(table);
    const { packed, transfer } = packTable(table);
    const channel = new MessageChannel();
    const received = new Promise<unknown>(
      (resolve) => (channel.port2.onmessage = (e) => resolve(e.data)),
    );
    channel.port1.postMessage(packed, transfer);
    return received.then((data) => {
      channel.port1.close();
      expect(plainCodes(unpackTable(data as typeof packed))).toEqual(table);
      // Every buffer sent was a copy: the sender's table is whole.
      expect(table).toEqual(before);
      expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    });
  });

  it('keeps names with any characters, empty ones included', () => {
    const names = ['A,"B"', '', 'Ö 𝄞\u0000x'];
    const odd = { ...table, n: 3, urn: textColumn(['1', '', '3']), name: textColumn(names) };
    expect(allTexts(unpackTable(structuredClone(packTable(odd).packed)).name)).toEqual(names);
  });
});

describe('missing codes', () => {
  const table = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');
  it('are looked up by row as the Map they came from, rows given in any order', () => {
    // Rows out of order, as a table built by other code might hold them.
    const byRow = new Map([
      [40, 'SUPP'],
      [3, 'NE'],
      [2000, 'SUPP'],
      [0, 'LOWCOV'],
      [17, 'NE'],
    ]);
    const t = { ...table, missingCodes: new Map([['fsm_pct', byRow]]) };
    const back = unpackTable(structuredClone(packTable(t).packed)).missingCodes.get('fsm_pct')!;
    expect(back.size).toBe(byRow.size);
    for (let row = -1; row <= 2001; row++) {
      expect(back.get(row)).toBe(byRow.get(row));
      expect(back.has(row)).toBe(byRow.has(row));
    }
    const sorted = [...byRow].sort((a, b) => a[0] - b[0]);
    expect([...back]).toEqual(sorted);
    expect([...back.keys()]).toEqual(sorted.map(([r]) => r));
    expect([...back.values()]).toEqual(sorted.map(([, c]) => c));
    const seen: [number, string][] = [];
    back.forEach((c, r) => seen.push([r, c]));
    expect(seen).toEqual(sorted);
  });

  it('of the demo table come back for every row', () => {
    const back = unpackTable(packTable(table).packed).missingCodes;
    expect([...back.keys()]).toEqual([...table.missingCodes.keys()]);
    for (const [c, m] of table.missingCodes) expect(new Map(back.get(c))).toEqual(m);
  });
});
