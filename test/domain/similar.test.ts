import { describe, expect, it } from 'vitest';
import { similarSchools } from '../../src/domain/similar';
import { school } from '../helpers/schools';

describe('similar schools: same phase and year, nearest on FSM % and size', () => {
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

  it('leaves out the school itself, other phases, other years and schools with neither value', () => {
    const twin = { fsm_pct: 20, pupils: 200 };
    const all = [
      target,
      ...spread,
      school(twin, { urn: 'secondary', phase: 'secondary' }),
      school(twin, { urn: 'last-year', year: '2017/18' }),
      school({}, { urn: 'empty' }),
    ];
    expect(similarSchools(target, all, 10).map((s) => s.urn)).toEqual(['hi', 'lo']);
  });

  it('uses the one measure both have when the other is missing', () => {
    const noFsm = school({ pupils: 201 }, { urn: 'noFsm' });
    const got = similarSchools(target, [target, ...spread, noFsm], 1);
    expect(got.map((s) => s.urn)).toEqual(['noFsm']);
  });

  it('finds nothing for a school with neither value', () => {
    expect(similarSchools(school({}), [target, ...spread])).toEqual([]);
  });
});
