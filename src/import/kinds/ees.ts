/**
 * Explore Education Statistics (EES) school-level files, the DfE's current publication format:
 * "tidy" rows, one per school and `time_period` (202223 is 2022/23), with `geographic_level`
 * (only School rows are schools), the URN in `school_urn` or `urn`, `old_la_code` (the 3-digit
 * LA code) and `la_name`, and measures under snake_case or plain-English names. `z` (not
 * applicable), `x` (not available), `c` (confidential), `:` and empty cells are missing.
 */
import type { Getter } from '../spec';
import type { FileSpec } from '../spec';
import type { Contribution } from '../model';
import { setCensusPhase } from './performance';

/** "202223" -> "2022/23"; undefined for anything else (e.g. a calendar year). */
export function fromTimePeriod(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? `${start}/${m[2]}` : undefined;
}

const schoolRowsOnly = (get: Getter) => {
  const level = get('geographic_level');
  return level && level !== 'School' ? `not a school row (geographic_level ${level})` : undefined;
};

/** Name, LA and phase from the identifying columns every EES school file has. */
function identity(get: Getter, c: Contribution, typeColumn: string): string | undefined {
  if (get('school_name')) c.name = get('school_name');
  if (get('old_la_code')) c.laCode = get('old_la_code');
  if (get('la_name')) c.laName = get('la_name');
  return setCensusPhase(c, get(typeColumn));
}

export const eesAbsence: FileSpec = {
  kind: 'ees-absence',
  label: 'Pupil absence, school level (Explore Education Statistics)',
  signature: ['time_period', 'geographic_level', 'school_urn', 'sess_overall_percent'],
  urnColumn: 'school_urn',
  rowYear: (get) => fromTimePeriod(get('time_period')),
  skipReason: schoolRowsOnly,
  numeric: {
    absence_pct: 'sess_overall_percent',
    persistent_absence_pct: 'enrolments_pa_10_exact_percent',
  },
  fill: (get, c) => identity(get, c, 'school_type'),
};

export const eesCensus: FileSpec = {
  kind: 'ees-census',
  label: 'Schools, pupils and their characteristics, school level (Explore Education Statistics)',
  signature: ['time_period', 'geographic_level', 'urn', 'headcount of pupils'],
  urnColumn: 'urn',
  rowYear: (get) => fromTimePeriod(get('time_period')),
  skipReason: schoolRowsOnly,
  numeric: {
    pupils: 'headcount of pupils',
    fsm_pct: [
      {
        column: '% of pupils known to be eligible for free school meals',
        definition: 'pupils eligible for free school meals now, not ever in the last 6 years',
      },
    ],
  },
  fill(get, c) {
    const why = identity(get, c, 'phase_type_grouping');
    if (why) return why;
    const district = get('district_administrative_name');
    if (district) {
      c.partnership = district;
      c.groupings = { district };
    }
    if (get('trust')) c.groupings = { ...c.groupings, trust: get('trust') };
    return undefined;
  },
};

/**
 * School-level applications and offers: first preferences per place offered, for the entry
 * year of the school's phase (reception for primary, year 7 for secondary). An average row the
 * file derived (derived_row_type) is not a school's own and is skipped.
 */
export const eesAdmissions: FileSpec = {
  kind: 'ees-admissions',
  label: 'Applications and offers, school level (Explore Education Statistics)',
  signature: [
    'time_period',
    'school_urn',
    'times_put_as_1st_preference',
    'total_number_places_offered',
  ],
  urnColumn: 'school_urn',
  rowYear: (get) => fromTimePeriod(get('time_period')),
  definitions: {
    first_prefs_per_place:
      'derived: first preferences ÷ places offered at the entry year (reception or year 7), worked out from the applications and offers file',
  },
  skipReason(get) {
    const level = schoolRowsOnly(get);
    if (level) return level;
    const derived = get('derived_row_type');
    return derived.toLowerCase().includes('average')
      ? `not a school's own figures (derived_row_type ${derived})`
      : undefined;
  },
  fill(get, c) {
    const prefs = Number(get('times_put_as_1st_preference'));
    const places = Number(get('total_number_places_offered'));
    if (get('times_put_as_1st_preference') === '' || !Number.isFinite(prefs))
      return 'no first preferences given';
    if (!(places > 0)) return 'no places offered';
    c.values.first_prefs_per_place = Math.round((prefs / places) * 1000) / 1000;
    if (get('school_name')) c.name = get('school_name');
    if (get('old_la_code')) c.laCode = get('old_la_code');
    return undefined;
  },
};
