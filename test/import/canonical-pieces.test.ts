/**
 * A canonical CSV read from its bytes a piece at a time gives the table the whole text gives,
 * wherever the pieces are cut (inside a row, a quoted cell, a character of several bytes), and
 * leaves to the full reader what is not UTF-8.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPieces, scanCanonicalBlob } from '../../src/import/canonical-pieces';
import { scanCanonicalCsv } from '../../src/import/canonical-table';

const demo = readFileSync('public/data/demo/dataset.csv');
const HEAD = 'urn,name,la_code,la_name,phase,partnership,year,pupils,fsm_pct';
const awkward = new TextEncoder().encode(
  [
    HEAD,
    '1,"Ströme, ""Ö"" School",850,Hampshire,primary,Nörth,2018/19,210,12.5',
    '2,Café€ 𝄞 School,936,Surrey,primary,South,2018/19,1,2',
    '',
  ].join('\r\n'),
);

function inPieces(bytes: Uint8Array, cuts: readonly number[]) {
  const reader = canonicalPieces(bytes.length);
  let from = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    if (!reader.feed(bytes.subarray(from, Math.max(from, c)))) return undefined;
    from = Math.max(from, c);
  }
  return reader.end();
}

describe('a canonical CSV read from bytes in pieces', () => {
  it('gives the whole text’s table wherever the bytes are cut', () => {
    const whole = scanCanonicalCsv(new TextDecoder().decode(awkward));
    expect(whole).toBeDefined();
    for (let c = 0; c <= awkward.length; c++)
      expect(inPieces(awkward, [c])?.table, `cut at byte ${c}`).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: awkward.length }), { maxLength: 20 }), (cuts) => {
        expect(inPieces(awkward, cuts)?.table).toEqual(whole);
      }),
    );
  });

  it('reads the demo dataset in 64 KB pieces, as utf-8, and a byte-order mark is said', () => {
    const cuts = Array.from({ length: demo.length >> 16 }, (_, k) => (k + 1) << 16);
    const read = inPieces(demo, cuts)!;
    expect(read.encoding).toBe('utf-8');
    expect(read.table).toEqual(scanCanonicalCsv(demo.toString('utf8')));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...awkward]);
    expect(inPieces(bom, [1, 2, 7])?.encoding).toBe('utf-8-bom');
  });

  it('gives up on bytes that are not UTF-8, for the full reader to decode line by line', () => {
    const cp1252 = Uint8Array.from(awkward);
    cp1252[cp1252.indexOf(0x53 /* S */, 60)] = 0xd6; // a Windows-1252 Ö
    expect(inPieces(cp1252, [10])).toBeUndefined();
  });

  it('reads a Blob a slice at a time, reporting how far it has got', async () => {
    const done: number[] = [];
    const read = await scanCanonicalBlob(new Blob([demo]), (d) => done.push(d));
    expect(read?.table).toEqual(scanCanonicalCsv(demo.toString('utf8')));
    expect(done.at(-1)).toBe(1);
    expect(await scanCanonicalBlob(new Blob(['{"schools": []}']))).toBeUndefined();
  });
});
