import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/domain/what-if';
import { loadPresetJson, school } from '../helpers/schools';

describe('what-if', () => {
  // Absence 1..10 in ten primary schools: the upper quartile (QUARTILE.INC) is 7.75, so 8, 9 and
  // 10 are red; the 90th percentile is 9.1, so only 10 stays red and 8 and 9 become amber.
  const schools = Array.from({ length: 10 }, (_, i) =>
    school({ absence_pct: i + 1 }, { urn: `S${i + 1}`, partnership: i < 5 ? 'North' : 'South' }),
  );
  const saved = loadPresetJson();
  const draft = structuredClone(saved);
  const attendance = draft.indicators.find((i) => i.id === 'attendance')!;
  attendance.clauses![0]!.when = { op: '>', quantile: 0.9 };

  it('lists exactly the schools and groups whose colour moves, with from and to', () => {
    const r = whatIf(schools, saved, draft, { year: '2018/19' });
    const attendanceChanges = r.changes.filter(
      (c) => c.level === 'school' && c.indicator === 'attendance',
    );
    expect(attendanceChanges.map((c) => [c.id, c.from, c.to])).toEqual([
      ['S8', 'red', 'amber'],
      ['S9', 'red', 'amber'],
    ]);
    // their overall moves from amber (one red) to green (one amber is not enough)
    expect(
      r.changes
        .filter((c) => c.level === 'school' && c.indicator === 'overall')
        .map((c) => [c.id, c.from, c.to]),
    ).toEqual([
      ['S8', 'amber', 'green'],
      ['S9', 'amber', 'green'],
    ]);
    expect(r.schools).toBe(2);
    // South had 3 of 5 red (60%); now 1 of 5 (20%) and 3 of 5 red or amber (60%): red -> amber
    expect(r.changes).toContainEqual({
      level: 'partnership',
      id: 'South',
      name: 'South',
      indicator: 'attendance',
      from: 'red',
      to: 'amber',
    });
    expect(r.authorities).toBe(1);
    // Authorities, then partnerships, then schools: what a board reads first.
    const rank = { authority: 0, partnership: 1, school: 2 };
    const levels = r.changes.map((c) => rank[c.level]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(levels[0]).toBe(0);
    expect(r.changeCount).toBe(r.changes.length);
  });

  it('finds nothing when the draft is the saved rules', () => {
    expect(whatIf(schools, saved, structuredClone(saved), { year: '2018/19' }).changes).toEqual([]);
  });
});
