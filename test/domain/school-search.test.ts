import { describe, expect, it } from 'vitest';
import { findSchools, FIND_LIMIT } from '../../src/domain/school-search';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { school } from '../helpers/schools';

describe('finding a school by part of its name or its URN', () => {
  const table = tableFromDataset({
    schools: [
      school({}, { urn: '100001', name: 'St Mary’s Primary', year: '2017/18' }),
      // Renamed: found by its latest name.
      school({}, { urn: '100001', name: 'St Mary’s C of E Primary', year: '2018/19' }),
      school({}, { urn: '100002', name: 'Abbey Primary' }),
      school({}, { urn: '100003', name: 'Marylebone Academy', laName: 'Westminster' }),
      ...Array.from({ length: 30 }, (_, i) =>
        school({}, { urn: String(200000 + i), name: `Oak School ${String(i).padStart(2, '0')}` }),
      ),
    ],
    sources: [],
    extraColumns: [],
  });

  it('matches any part of the name in any case, by name, each school once by its latest year', () => {
    // "Primary" has "mary" in it too.
    expect(findSchools(table, 'MARY').map((s) => s.name)).toEqual([
      'Abbey Primary',
      'Marylebone Academy',
      'St Mary’s C of E Primary',
    ]);
    expect(findSchools(table, 'st mary').map((s) => s.urn)).toEqual(['100001']);
    expect(findSchools(table, 'marylebone')[0]).toMatchObject({
      urn: '100003',
      laName: 'Westminster',
    });
  });

  it('matches a whole URN, not part of one', () => {
    expect(findSchools(table, ' 100002 ').map((s) => s.name)).toEqual(['Abbey Primary']);
    expect(findSchools(table, '10000')).toEqual([]);
  });

  it('needs two letters, and lists at most the limit', () => {
    expect(findSchools(table, 'o')).toEqual([]);
    const oak = findSchools(table, 'oak');
    expect(oak).toHaveLength(FIND_LIMIT);
    expect(oak[0]!.name).toBe('Oak School 00');
  });
});
