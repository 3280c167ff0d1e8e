/** DfE per-year files: school census, absence, KS2 and KS4 performance tables. */
import type { Phase } from '../../domain/types';
import type { FileSpec, Getter } from '../spec';
import { fromEndYear } from '../years';

/**
 * A census school type as a phase. Names changed over the years ("Pupil referral unit" until
 * 2018/19, "State-funded AP school" from 2019/20): alternative provision of every kind is the
 * pru phase; an independent school is not rated; a type no one knows is undefined.
 */
export function censusPhase(type: string): Phase | `skip:${string}` | undefined {
  const t = type.toLowerCase();
  if (t.includes('independent')) return 'skip:independent school (not state-funded)';
  if (t.includes('special')) return 'special';
  if (t.includes('pupil referral') || t.includes('alternative provision') || /\bap\b/.test(t))
    return 'pru';
  if (t.includes('nursery')) return 'nursery';
  if (t.includes('all-through') || t.includes('all through')) return 'all-through';
  if (t.includes('primary')) return 'primary';
  if (t.includes('secondary')) return 'secondary';
  return undefined;
}

/**
 * Sets the phase from a census school type, or gives the reason the row is skipped. Every row of
 * a census is a school, so one of a type not known here is kept with phase unknown, its type
 * named in the report, rather than dropped.
 */
export function setCensusPhase(
  c: { phase?: Phase; unknownType?: string },
  type: string,
): string | undefined {
  if (!type) return undefined;
  const phase = censusPhase(type);
  if (phase === undefined) {
    c.phase = 'unknown';
    c.unknownType = type;
    return undefined;
  }
  if (phase.startsWith('skip:')) return phase.slice(5);
  c.phase = phase as Phase;
  return undefined;
}

export const census: FileSpec = {
  kind: 'census',
  label: 'School census (pupils on roll, FSM)',
  signature: ['URN', 'NOR'],
  anyOf: ['PNUMFSMEVER', 'PNUMFSM'],
  urnColumn: 'URN',
  numeric: {
    pupils: 'NOR',
    sen_support_pct: 'PSENELK',
    sen_ehcp_pct: 'PSENELSE',
    fsm_pct: [
      { column: 'PNUMFSMEVER' },
      {
        column: 'PNUMFSM',
        definition: 'pupils eligible for free school meals now, not ever in the last 6 years',
      },
    ],
  },
  fill(get, c) {
    const skipped = setCensusPhase(c, get('SCHOOLTYPE'));
    if (skipped) return skipped;
    if (get('LA')) c.laCode = get('LA');
    return undefined;
  },
};

export const absence: FileSpec = {
  kind: 'absence',
  label: 'Absence (overall and persistent)',
  signature: ['URN', 'PERCTOT'],
  urnColumn: 'URN',
  numeric: {
    absence_pct: 'PERCTOT',
    // Persistent absence was 15% of sessions until 2014/15 (files of that time have PPERSABS15);
    // 10% since 2015/16. Both are read; the older one is labelled as such.
    persistent_absence_pct: [
      { column: 'PPERSABS10' },
      {
        column: 'PPERSABS15',
        definition: 'pupils missing 15% or more of sessions (the definition until 2014/15)',
      },
    ],
  },
};

/** RECTYPE 1 is a mainstream school, 2 a special school; 3 and above are LA/national totals. */
const schoolRowsOnly = (get: Getter) => {
  const t = get('RECTYPE');
  return t && t !== '1' && t !== '2'
    ? `not a school row (RECTYPE ${t}: LA or national total)`
    : undefined;
};

function nameAndPlace(
  get: Getter,
  c: { name?: string; lat?: number; lon?: number; laCode?: string },
) {
  if (get('SCHNAME')) c.name = get('SCHNAME');
  const la = get('LEA') || get('LA');
  if (la) c.laCode = la;
  const lat = Number(get('LATITUDE'));
  const lon = Number(get('LONGITUDE'));
  if (get('LATITUDE') && get('LONGITUDE') && Number.isFinite(lat) && Number.isFinite(lon)) {
    c.lat = lat;
    c.lon = lon;
  }
  return undefined;
}

export const ks2: FileSpec = {
  kind: 'ks2',
  label: 'KS2 performance tables (DfE format)',
  signature: ['RECTYPE', 'URN', 'READPROG', 'MATPROG'],
  urnColumn: 'URN',
  skipReason: schoolRowsOnly,
  numeric: {
    ks2_rwm_exp_pct: 'PTRWM_EXP',
    ks2_read_progress: 'READPROG',
    ks2_writ_progress: 'WRITPROG',
    ks2_mat_progress: 'MATPROG',
    ks2_read_progress_ci_lower: 'READPROG_LOWER',
    ks2_read_progress_ci_upper: 'READPROG_UPPER',
    ks2_writ_progress_ci_lower: 'WRITPROG_LOWER',
    ks2_writ_progress_ci_upper: 'WRITPROG_UPPER',
    ks2_mat_progress_ci_lower: 'MATPROG_LOWER',
    ks2_mat_progress_ci_upper: 'MATPROG_UPPER',
    // The DfE's band (1 well above ... 5 well below); the full file has confidence limits instead.
    ks2_read_band: 'READPROG_DESCR',
    ks2_writ_band: 'WRITPROG_DESCR',
    ks2_mat_band: 'MATPROG_DESCR',
    ks2_cohort: 'TELIG',
    ks2_prior_aps: 'TKS1AVERAGE',
  },
  fill: nameAndPlace,
};

export const ks2Scraped: FileSpec = {
  kind: 'ks2-scraped',
  label: 'KS2 results (compare school performance download)',
  signature: ['URN', 'Overall Meet Std', 'Academic Year'],
  urnColumn: 'URN',
  rowYear: (get) => fromEndYear(get('Academic Year')),
  numeric: {
    ks2_rwm_exp_pct: 'Overall Meet Std',
    ks2_read_progress: 'Reading Progress',
    ks2_writ_progress: 'Writing Progress',
    ks2_mat_progress: 'Maths Progress',
    ks2_read_band: 'Reading Progress Band',
    ks2_writ_band: 'Writing Progress Band',
    ks2_mat_band: 'Maths Progress Band',
    ks2_cohort: 'KS2 Pupils',
  },
};

export const ks4: FileSpec = {
  kind: 'ks4',
  label: 'KS4 performance tables (DfE format)',
  signature: ['RECTYPE', 'URN', 'ATT8SCR', 'P8MEA'],
  urnColumn: 'URN',
  skipReason: schoolRowsOnly,
  numeric: {
    ks4_att8: 'ATT8SCR',
    ks4_p8: 'P8MEA',
    ks4_p8_ci_lower: 'P8CILOW',
    ks4_p8_ci_upper: 'P8CIUPP',
    ks4_p8_band: 'P8_BANDING',
    ks4_cohort: 'TPUP',
  },
  fill: nameAndPlace,
};

export const ks4Scraped: FileSpec = {
  kind: 'ks4-scraped',
  label: 'KS4 results (compare school performance download)',
  signature: ['URN', 'Attainment 8', 'Progress 8', 'Academic Year'],
  urnColumn: 'URN',
  rowYear: (get) => fromEndYear(get('Academic Year')),
  numeric: {
    ks4_att8: 'Attainment 8',
    ks4_p8: 'Progress 8',
    ks4_p8_band: 'Progress 8 Band',
    ks4_cohort: 'KS4 Pupils',
  },
};
