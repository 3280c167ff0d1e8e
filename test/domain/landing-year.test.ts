/** The year a screen opens on: the latest with results to rate, not a census year alone. */
import { describe, expect, it } from 'vitest';
import { landingYear } from '../../src/domain/landing-year';
import { tableFromSchoolYears } from '../../src/domain/table/from-school-years';
import { loadPresetJson, school } from '../helpers/schools';

describe('landingYear', () => {
  const rules = loadPresetJson();
  it('skips a newer year that has only context figures (a census alone)', () => {
    const t = tableFromSchoolYears([
      school({ absence_pct: 4.1, pupils: 200 }, { year: '2018/19' }),
      school({ pupils: 210, fsm_pct: 12 }, { urn: '2', year: '2022/23' }),
    ]);
    expect(landingYear(t, rules)).toBe('2018/19');
  });

  it('is the latest year when it has results, or when no year has any', () => {
    const t = tableFromSchoolYears([
      school({ absence_pct: 4.1 }, { year: '2018/19' }),
      school({ ks2_rwm_exp_pct: 70 }, { urn: '2', year: '2022/23' }),
    ]);
    expect(landingYear(t, rules)).toBe('2022/23');
    const none = tableFromSchoolYears([
      school({ pupils: 100 }, { year: '2017/18' }),
      school({ pupils: 100 }, { urn: '2', year: '2018/19' }),
    ]);
    expect(landingYear(none, rules)).toBe('2018/19');
    expect(landingYear(none, undefined)).toBe('2018/19');
  });
});
