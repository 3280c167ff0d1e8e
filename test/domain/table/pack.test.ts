/** A table packed to cross threads comes back the same, and its sender's arrays are untouched. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packTable, stringParts, unpackStrings, unpackTable } from '../../../src/domain/table/pack';
import { readCanonicalTable } from '../../../src/import/canonical-table';

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
      expect(unpackTable(data as typeof packed)).toEqual(table);
      // Every buffer sent was a copy: the sender's table is whole.
      expect(table).toEqual(before);
      expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    });
  });

  it('keeps names with any characters, empty ones included', () => {
    const odd = { ...table, n: 3, urn: ['1', '', '3'], name: ['A,"B"', '', 'Ö 𝄞\u0000x'] };
    expect(unpackTable(packTable(odd).packed).name).toEqual(odd.name);
  });
});

describe('URNs and names in parts', () => {
  const table = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');
  it('come back whole from parts unpacked one by one, with the table packed without them', () => {
    const parts = stringParts(table, 500);
    expect(parts.map((p) => p.from)).toEqual(
      Array.from({ length: Math.ceil(table.n / 500) }, (_, k) => k * 500),
    );
    const strings = { urn: [] as string[], name: [] as string[] };
    for (const p of parts) {
      strings.urn.push(...unpackStrings(p.urn));
      strings.name.push(...unpackStrings(p.name));
    }
    const { packed } = packTable(table, 'without');
    expect(packed.packed.urn).toBeUndefined();
    expect(unpackTable(structuredClone(packed), strings)).toEqual(table);
  });

  it('refuses a table whose URNs or names did not all come', () => {
    const { packed } = packTable(table, 'without');
    expect(() => unpackTable(packed)).toThrow('without all its URNs and names');
    const short = { urn: table.urn.slice(1), name: table.name.slice(1) };
    expect(() => unpackTable(packed, short)).toThrow('without all its URNs and names');
  });
});
