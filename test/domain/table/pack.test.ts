/** A table packed to cross threads comes back the same, and its sender's arrays are untouched. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packTable, unpackTable } from '../../../src/domain/table/pack';
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
