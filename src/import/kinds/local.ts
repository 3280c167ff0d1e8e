/**
 * Files an authority keeps itself: partnership (cluster) lists, building condition from asset
 * management, admissions preferences, and GIAS group links (trusts, federations).
 */
import type { FileSpec } from '../spec';
import { isAcademicYear } from '../years';

const optionalYear = (get: (c: string) => string) => {
  const y = get('year');
  return y && isAcademicYear(y) ? y : undefined;
};

export const partnerships: FileSpec = {
  kind: 'partnerships',
  label: 'Partnership (cluster) list',
  signature: ['urn', 'partnership'],
  urnColumn: 'urn',
  snapshot: true,
  fill(get, c) {
    const p = get('partnership');
    if (!p) return 'no partnership named';
    c.partnership = p;
    c.groupings = { uploaded: p };
    return undefined;
  },
};

const GRADE_SCORE: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };

export const condition: FileSpec = {
  kind: 'condition',
  label: 'Building condition (asset management)',
  signature: ['urn'],
  anyOf: ['condition_cost_per_m2', 'condition_grade'],
  urnColumn: 'urn',
  rowYear: optionalYear,
  numeric: { condition_cost_per_m2: 'condition_cost_per_m2' },
  fill(get, c) {
    const grade = get('condition_grade').toUpperCase();
    if (grade) {
      const score = GRADE_SCORE[grade];
      if (score === undefined)
        return 'unparseable value in column condition_grade (expected A, B, C or D)';
      c.values.condition_grade = score;
    }
    if (
      c.values.condition_cost_per_m2 === undefined &&
      c.values.condition_grade === undefined &&
      !Object.keys(c.missingCodes).length
    )
      return 'no condition value';
    return undefined;
  },
};

export const admissions: FileSpec = {
  kind: 'admissions',
  label: 'Admissions (first preferences per place)',
  signature: ['urn', 'first_prefs_per_place'],
  urnColumn: 'urn',
  rowYear: optionalYear,
  numeric: { first_prefs_per_place: 'first_prefs_per_place' },
};

const GROUP_KIND: Record<string, string> = {
  'multi-academy trust': 'trust',
  'single-academy trust': 'trust',
  trust: 'trust',
  federation: 'federation',
  'school sponsor': 'sponsor',
};

export const groupLinks: FileSpec = {
  kind: 'group-links',
  label: 'GIAS group links (trusts, federations, sponsors)',
  signature: ['URN', 'Group UID', 'Group Name', 'Group Type'],
  urnColumn: 'URN',
  snapshot: true,
  skipReason(get) {
    const type = get('Group Type');
    if (!GROUP_KIND[type.toLowerCase()])
      return `not a school grouping (${type || 'no group type'})`;
    if (get('Group Status').toLowerCase() === 'closed' || get('Closed Date')) return 'closed group';
    return undefined;
  },
  fill(get, c) {
    c.groupings = { [GROUP_KIND[get('Group Type').toLowerCase()] as string]: get('Group Name') };
    return undefined;
  },
};
