import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { primaryType, rankAmong, similarRows, similarSchools } from '../../src/domain/similar';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { textAt } from '../../src/domain/table/school-table';
import { readCanonicalJson } from '../../src/import/canonical';
import { school } from '../helpers/schools';
import { textOf } from '../../src/domain/table/text-column';

describe('similar schools: same year, phase and type, nearest on intake and size', () => {
  const target = school({ fsm_pct: 20, pupils: 200 }, { urn: 'T' });
  const spread = [
    school({ fsm_pct: 10, pupils: 100 }, { urn: 'lo' }),
    school({ fsm_pct: 30, pupils: 300 }, { urn: 'hi' }),
  ];

  it('scales each measure by its spread, so 5 pupils is nearer than 5 FSM points', () => {
    const fsm5 = school({ fsm_pct: 25, pupils: 200 }, { urn: 'fsm5' });
    const pupils5 = school({ fsm_pct: 20, pupils: 205 }, { urn: 'pupils5' });
    const got = similarSchools(target, [target, ...spread, fsm5, pupils5], 2);
    expect(got.map((s) => s.urn)).toEqual(['pupils5', 'fsm5']);
  });

  it('weighs intake (FSM, SEN) over size: a school twice the size with the same intake is nearer', () => {
    const t = school(
      { fsm_pct: 20, sen_support_pct: 10, sen_ehcp_pct: 2, pupils: 200 },
      { urn: 'T' },
    );
    const bigTwin = school(
      { fsm_pct: 20, sen_support_pct: 10, sen_ehcp_pct: 2, pupils: 400 },
      { urn: 'bigTwin' },
    );
    const sameSize = school(
      { fsm_pct: 30, sen_support_pct: 18, sen_ehcp_pct: 2, pupils: 200 },
      { urn: 'sameSize' },
    );
    const others = [
      school({ fsm_pct: 5, sen_support_pct: 5, sen_ehcp_pct: 1, pupils: 100 }, { urn: 'a' }),
      school({ fsm_pct: 40, sen_support_pct: 25, sen_ehcp_pct: 4, pupils: 500 }, { urn: 'b' }),
    ];
    const got = similarSchools(t, [t, bigTwin, sameSize, ...others], 2);
    expect(got.map((s) => s.urn)).toEqual(['bigTwin', 'sameSize']);
  });

  it('leaves out the school itself, other phases, other years and schools with one measure', () => {
    const twin = { fsm_pct: 20, pupils: 200 };
    const all = [
      target,
      ...spread,
      school(twin, { urn: 'secondary', phase: 'secondary' }),
      school(twin, { urn: 'last-year', year: '2017/18' }),
      school({ pupils: 201 }, { urn: 'pupilsOnly' }),
      school({}, { urn: 'empty' }),
    ];
    expect(similarSchools(target, all, 10).map((s) => s.urn)).toEqual(['hi', 'lo']);
  });

  it('keeps infant schools with infant schools and juniors with juniors', () => {
    const infant = { age_low: 4, age_high: 7 };
    const junior = { age_low: 7, age_high: 11 };
    const t = school({ fsm_pct: 20, pupils: 200, ...junior }, { urn: 'T' });
    const all = [
      t,
      school({ fsm_pct: 20, pupils: 200, ...infant }, { urn: 'infantTwin' }),
      school({ fsm_pct: 20, pupils: 200, age_low: 4, age_high: 11 }, { urn: 'primaryTwin' }),
      school({ fsm_pct: 30, pupils: 250, ...junior }, { urn: 'junior' }),
      school({ fsm_pct: 10, pupils: 150, ...junior }, { urn: 'junior2' }),
    ];
    expect(similarSchools(t, all, 10).map((s) => s.urn)).toEqual(['junior', 'junior2']);
  });

  it('finds nothing for a school with fewer than two measures', () => {
    expect(similarSchools(school({ pupils: 100 }), [target, ...spread])).toEqual([]);
  });

  it('ranks 1st as best, by the polarity, ties sharing the better rank', () => {
    expect(rankAmong(4, [3, 5, 4, undefined, NaN], true)).toEqual({ rank: 2, of: 4 });
    expect(rankAmong(4, [3, 5, 4], false)).toEqual({ rank: 2, of: 4 });
    expect(rankAmong(undefined, [3], true)).toBeUndefined();
  });

  it('on the demo: Anstey Junior School is compared with 30 junior schools of 2018/19', () => {
    const ds = readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo');
    const t = tableFromDataset(ds);
    const row = [...Array(t.n).keys()].find(
      (i) => textOf(t.urn, i) === '115851' && textAt(t.year, i) === '2018/19',
    )!;
    expect(primaryType(t, row)).toBe('junior');
    const similar = similarRows(t, row);
    expect(similar.type).toBe('junior');
    expect(similar.rows).toHaveLength(30);
    for (const i of similar.rows) {
      expect(primaryType(t, i)).toBe('junior');
      expect(textAt(t.year, i)).toBe('2018/19');
    }
    // nearest first
    expect(similar.distance).toEqual([...similar.distance].sort((a, b) => a - b));
  });

  it('keeps the nearest as sorting every candidate would, ties to the lower URN, for each demo school', () => {
    const ds = readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo');
    const t = tableFromDataset(ds);
    for (let row = 0; row < t.n; row += 7) {
      const all = similarRows(t, row, t.n);
      // The whole list in order: distance, then URN.
      for (let k = 1; k < all.rows.length; k++) {
        const [a, b] = [all.distance[k - 1]!, all.distance[k]!];
        expect(
          a < b || (a === b && textOf(t.urn, all.rows[k - 1]!)! < textOf(t.urn, all.rows[k]!)!),
        ).toBe(true);
      }
      const few = similarRows(t, row, 5);
      expect(few.rows).toEqual(all.rows.slice(0, 5));
      expect(similarRows(t, row, 0).rows).toEqual([]);
    }
  });
});
