/** Closed set of school phases (canonical dataset `phase` column). */
export const PHASES = [
  'primary',
  'secondary',
  'special',
  'all-through',
  'nursery',
  'pru',
  '16-plus',
  // A school type no importer knows: kept, not dropped, and compared only with its own kind.
  'unknown',
] as const;
export type Phase = (typeof PHASES)[number];

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** A rating is always one of four; `none` means "no data / not applicable", never green. */
export const RATINGS = ['red', 'amber', 'green', 'none'] as const;
export type Rating = (typeof RATINGS)[number];

/** Numeric canonical columns, in the order the canonical CSV writes them. */
export const NUMERIC_COLUMNS = [
  'pupils',
  'capacity',
  'fsm_pct',
  'absence_pct',
  'persistent_absence_pct',
  'ks2_rwm_exp_pct',
  'ks2_read_progress',
  'ks2_writ_progress',
  'ks2_mat_progress',
  'ks2_read_progress_ci_lower',
  'ks2_read_progress_ci_upper',
  'ks2_writ_progress_ci_lower',
  'ks2_writ_progress_ci_upper',
  'ks2_mat_progress_ci_lower',
  'ks2_mat_progress_ci_upper',
  'ks2_read_band',
  'ks2_writ_band',
  'ks2_mat_band',
  'ks2_cohort',
  'ks4_att8',
  'ks4_p8',
  'ks4_p8_ci_lower',
  'ks4_p8_ci_upper',
  'ks4_p8_band',
  'ks4_cohort',
  'condition_cost_per_m2',
  'first_prefs_per_place',
  'ofsted_grade',
  'ofsted_inspected',
  // Context for choosing similar schools (not rated by the preset).
  'sen_support_pct',
  'sen_ehcp_pct',
  'age_low',
  'age_high',
  'ks2_prior_aps',
] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/** Text canonical columns (identity and grouping). */
export const TEXT_COLUMNS = [
  'urn',
  'name',
  'la_code',
  'la_name',
  'phase',
  'partnership',
  'year',
] as const;

/**
 * One school in one academic year. Numeric values live in `values`; a column that is absent
 * from the map (or `undefined`) is missing. Missing is never 0.
 */
export interface SchoolYear {
  urn: string;
  name: string;
  laCode: string;
  laName: string;
  phase: Phase;
  /** Default grouping (e.g. the district or an uploaded cluster list). */
  partnership: string;
  /** Academic year label, e.g. "2018/19"; sorts chronologically as text. */
  year: string;
  values: Readonly<Record<string, number | undefined>>;
  /** DfE codes of values read as missing, by column, e.g. { ks2_rwm_exp_pct: "SUPP" }. */
  missingCodes?: Readonly<Record<string, string>>;
  /** Alternative groupings by name, e.g. { trust: "Xyz Academy Trust" }. */
  groupings?: Readonly<Record<string, string>>;
  /** WGS84 position when known (for the map). */
  lat?: number;
  lon?: number;
  /**
   * When a value was recorded, for values not of the row's own year (e.g. GIAS capacity of
   * "2022-04-20" on a 2018/19 row). Absent for values of the row's year.
   */
  valueDates?: Readonly<Record<string, string>>;
  /** Columns whose values are illustrative, not the school's own (e.g. demo building condition). */
  illustrative?: readonly string[];
  /** Free-text notes about values (e.g. "condition value is illustrative"). */

  notes?: readonly string[];
}

/** Where the values of one column in one year came from (provenance, for mixed-year warnings). */
export interface ColumnSource {
  column: string;
  year: string;
  /** Human description of the source, e.g. "GIAS extract 20 Apr 2022". */
  source: string;
  /** When the value was recorded, ISO date or year label, e.g. "2022-04-20" or "2019-01". */
  asOf: string;
  /** True when the value is not the school's own (e.g. illustrative building condition). */
  illustrative?: boolean;
  /** Set when the value has another definition than the column's usual one. */
  definition?: string;
  /** How many school-years took this column's value from this source. */
  count?: number;
}

export interface Dataset {
  schools: readonly SchoolYear[];
  sources: readonly ColumnSource[];
  /** Extra numeric columns beyond the canonical ones, in file order. */
  extraColumns: readonly string[];
}
