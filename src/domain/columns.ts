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
  ks4_att8: 'Attainment 8',
  ks4_p8: 'Progress 8',
  ks4_p8_ci_lower: 'Progress 8 lower confidence limit',
  ks4_p8_ci_upper: 'Progress 8 upper confidence limit',
  condition_cost_per_m2: 'condition cost per m²',
  first_prefs_per_place: 'first preferences per place',
};

export function columnLabel(column: string): string {
  return COLUMN_LABELS[column] ?? column.replace(/_/g, ' ');
}
