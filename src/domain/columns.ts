/** Readable names for canonical columns, used in explanations of multi-column triggers. */
const COLUMN_LABELS: Record<string, string> = {
  pupils: 'pupils on roll',
  capacity: 'capacity',
  fsm_pct: 'FSM %',
  absence_pct: 'overall absence %',
  persistent_absence_pct: 'persistent absence %',
  ks2_rwm_exp_pct: 'KS2 RWM expected standard %',
  ks2_read_progress: 'KS2 reading progress',
  ks2_writ_progress: 'KS2 writing progress',
  ks2_mat_progress: 'KS2 maths progress',
  ks2_read_progress_ci_lower: 'KS2 reading progress lower confidence limit',
  ks2_read_progress_ci_upper: 'KS2 reading progress upper confidence limit',
  ks2_writ_progress_ci_lower: 'KS2 writing progress lower confidence limit',
  ks2_writ_progress_ci_upper: 'KS2 writing progress upper confidence limit',
  ks2_mat_progress_ci_lower: 'KS2 maths progress lower confidence limit',
  ks2_mat_progress_ci_upper: 'KS2 maths progress upper confidence limit',
  ks2_read_band: 'KS2 reading progress DfE band',
  ks2_writ_band: 'KS2 writing progress DfE band',
  ks2_mat_band: 'KS2 maths progress DfE band',
  ks2_cohort: 'KS2 cohort (eligible pupils)',
  ks4_att8: 'Attainment 8',
  ks4_p8: 'Progress 8',
  ks4_p8_ci_lower: 'Progress 8 lower confidence limit',
  ks4_p8_ci_upper: 'Progress 8 upper confidence limit',
  ks4_p8_band: 'Progress 8 DfE band',
  ks4_cohort: 'KS4 cohort (pupils at the end of KS4)',
  condition_cost_per_m2: 'condition cost per m²',
  first_prefs_per_place: 'first preferences per place',
  ofsted_grade: 'Ofsted overall effectiveness (1 outstanding to 4 inadequate)',
  ofsted_inspected: 'date of the last Ofsted inspection (yyyymmdd)',
  sen_support_pct: 'SEN support %',
  sen_ehcp_pct: 'EHC plan %',
  age_low: 'youngest statutory age',
  age_high: 'oldest statutory age',
  ks2_prior_aps: 'KS2 cohort prior attainment (KS1 average point score)',
};

/** Ofsted's overall-effectiveness grades, as the DfE files name them. */
export const OFSTED_GRADES: Readonly<Record<number, string>> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};

/** A grade from its name ("Good", "Requires Improvement", "Serious Weaknesses"...), or undefined. */
export function ofstedGrade(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'outstanding') return 1;
  if (t === 'good') return 2;
  if (t === 'requires improvement' || t === 'satisfactory') return 3;
  if (t === 'inadequate' || t === 'serious weaknesses' || t === 'special measures') return 4;
  return undefined;
}

/** A date as yyyymmdd from "20130418", "18/04/2013", "18-04-2013" or "2013-04-18"; else undefined. */
export function dateNumber(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return Number(`${m[1]}${m[2]}${m[3]}`);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) return Number(`${m[3]}${m[2]!.padStart(2, '0')}${m[1]!.padStart(2, '0')}`);
  return undefined;
}

/** "Ofsted: Good (inspected 18 April 2013)", or "" when the data has no grade. */
export function ofstedText(values: Readonly<Record<string, number | undefined>>): string {
  const grade = values.ofsted_grade;
  if (grade === undefined || !OFSTED_GRADES[grade]) return '';
  const d = values.ofsted_inspected;
  const when =
    d === undefined
      ? ''
      : ` (inspected ${new Date(Date.UTC(Math.floor(d / 10000), (Math.floor(d / 100) % 100) - 1, d % 100)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })})`;
  return `Ofsted: ${OFSTED_GRADES[grade]}${when}`;
}

/**
 * The DfE's progress bands, as its files code them: 1 is well above average and 5 well below
 * (the reverse of what one might guess; checked against the scores in the 2017/18 and 2018/19
 * files). "Below" and "well below" mean the confidence interval lies wholly below zero.
 */
export const PROGRESS_BANDS: Readonly<Record<number, string>> = {
  1: 'well above average',
  2: 'above average',
  3: 'average',
  4: 'below average',
  5: 'well below average',
};

export const BAND_COLUMNS: ReadonlySet<string> = new Set([
  'ks2_read_band',
  'ks2_writ_band',
  'ks2_mat_band',
  'ks4_p8_band',
]);

export function columnLabel(column: string): string {
  return COLUMN_LABELS[column] ?? column.replace(/_/g, ' ');
}

const BAND_OF: Readonly<Record<string, string>> = {
  ks2_read_progress: 'ks2_read_band',
  ks2_writ_progress: 'ks2_writ_band',
  ks2_mat_progress: 'ks2_mat_band',
  ks4_p8: 'ks4_p8_band',
};

/**
 * How precise a school's measure is, from the columns beside it: the DfE band, the confidence
 * interval and the cohort ("below average (DfE band); 95% confidence interval -4.3 to -1.4;
 * cohort 60 pupils"), or "" when the data gives none. A small cohort's score moves a lot.
 */
export function precisionNote(
  column: string | undefined,
  values: Readonly<Record<string, number | undefined>>,
): string {
  if (!column) return '';
  const parts: string[] = [];
  const band = BAND_OF[column] ? values[BAND_OF[column]] : undefined;
  if (band !== undefined && PROGRESS_BANDS[band]) parts.push(`${PROGRESS_BANDS[band]} (DfE band)`);
  const lo = values[`${column}_ci_lower`];
  const hi = values[`${column}_ci_upper`];
  if (lo !== undefined && hi !== undefined)
    parts.push(
      `95% confidence interval ${lo} to ${hi}${hi < 0 ? ', wholly below 0' : lo > 0 ? ', wholly above 0' : ''}`,
    );
  const cohortColumn = column.startsWith('ks2_')
    ? 'ks2_cohort'
    : column.startsWith('ks4_')
      ? 'ks4_cohort'
      : undefined;
  const cohort = cohortColumn ? values[cohortColumn] : undefined;
  if (cohort !== undefined) parts.push(`cohort ${cohort} pupils`);
  return parts.length ? `${parts.join('; ')}.` : '';
}

/**
 * The range a value of each column can have; anything outside is a data error (a percentage of
 * 150, a school of a million pupils, 1e308), reported with its row and column and never rated.
 */
export const PLAUSIBLE_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  pupils: [0, 10_000],
  capacity: [0, 10_000],
  fsm_pct: [0, 100],
  absence_pct: [0, 100],
  persistent_absence_pct: [0, 100],
  ks2_rwm_exp_pct: [0, 100],
  ks2_read_progress: [-30, 30],
  ks2_writ_progress: [-30, 30],
  ks2_mat_progress: [-30, 30],
  ks2_read_progress_ci_lower: [-40, 40],
  ks2_read_progress_ci_upper: [-40, 40],
  ks2_writ_progress_ci_lower: [-40, 40],
  ks2_writ_progress_ci_upper: [-40, 40],
  ks2_mat_progress_ci_lower: [-40, 40],
  ks2_mat_progress_ci_upper: [-40, 40],
  ks2_read_band: [1, 5],
  ks2_writ_band: [1, 5],
  ks2_mat_band: [1, 5],
  ks2_cohort: [0, 2_000],
  ks4_att8: [0, 90],
  ks4_p8: [-10, 10],
  ks4_p8_ci_lower: [-12, 12],
  ks4_p8_ci_upper: [-12, 12],
  ks4_p8_band: [1, 5],
  ks4_cohort: [0, 2_000],
  condition_cost_per_m2: [0, 100_000],
  first_prefs_per_place: [0, 100],
  ofsted_grade: [1, 4],
  ofsted_inspected: [19_900_101, 21_001_231],
  sen_support_pct: [0, 100],
  sen_ehcp_pct: [0, 100],
  age_low: [0, 25],
  // The DfE writes 99 for no upper age (sixth form colleges).
  age_high: [0, 99],
  ks2_prior_aps: [0, 40],
};

/** Why a value cannot be one of a column's, or undefined when it can. */
export function implausible(column: string, value: number): string | undefined {
  const r = PLAUSIBLE_RANGE[column];
  if (!r || (value >= r[0] && value <= r[1])) return undefined;
  const fmt = (x: number) => (Math.abs(x) < 1e9 ? x.toLocaleString('en-GB') : String(x));
  return value < 0 && r[0] === 0
    ? `${value} is negative: a count or share cannot be`
    : `${fmt(value)} is outside the plausible range ${fmt(r[0])} to ${fmt(r[1])}`;
}
