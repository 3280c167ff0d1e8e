/** Plain-English number and label formatting shared by explanations, tables and exports. */
import type { Phase } from './types';

// Intl.NumberFormat is expensive to construct: one per number of decimals, made once.
const formatters = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f)
    formatters.set(
      decimals,
      (f = new Intl.NumberFormat('en-GB', {
        minimumFractionDigits: 0,
        maximumFractionDigits: decimals,
        // No "-0" for a small negative value that rounds to zero.
        signDisplay: 'negative',
      })),
    );
  return f;
}

/**
 * Makes the formatters ahead of need. The first one made loads the browser's number data
 * (about 12 ms in Chromium), which otherwise lands in whichever task first shows a number:
 * on a large import, the task that also receives the table.
 */
export function prepareFormatters(): void {
  for (const d of [0, 1, 2]) formatter(d);
}

/** Formats a value in its unit, e.g. 5.9%, £120/m², 105 pupils, -0.62. */
export function formatValue(value: number, unit: string, decimals?: number): string {
  const d = decimals ?? (Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1);
  const n = formatter(d).format(value);
  switch (unit) {
    case '%':
      return `${n}%`;
    case '£/m²':
      return `£${n}/m²`;
    case 'pupils':
      return `${n} pupils`;
    default:
      return n;
  }
}

/** A whole count with thousands separators: 16,253. */
export function formatCount(n: number): string {
  return formatter(0).format(n);
}

const PHASE_PLURAL: Record<Phase, string> = {
  primary: 'primary schools',
  secondary: 'secondary schools',
  special: 'special schools',
  'all-through': 'all-through schools',
  nursery: 'nursery schools',
  pru: 'pupil referral units',
  '16-plus': '16-plus providers',
  unknown: 'schools of unknown phase',
};

export function phasePlural(phase: Phase, count: number): string {
  const plural = PHASE_PLURAL[phase];
  if (count !== 1) return plural;
  return plural
    .replace(/schools$/, 'school')
    .replace(/^schools /, 'school ')
    .replace(/units$/, 'unit')
    .replace(/providers$/, 'provider');
}

/** "lower quartile", "upper quartile", "median", "10th percentile". */
export function quantileName(p: number): string {
  if (p === 0.25) return 'lower quartile';
  if (p === 0.75) return 'upper quartile';
  if (p === 0.5) return 'median';
  const n = Math.round(p * 1000) / 10;
  const last = Math.floor(n) % 10;
  const teen = Math.floor(n) % 100 >= 11 && Math.floor(n) % 100 <= 13;
  const suffix = !Number.isInteger(n) || teen ? 'th' : (['th', 'st', 'nd', 'rd'][last] ?? 'th');
  return `${n}${suffix} percentile`;
}

export const OP_WORDS = {
  '<': 'below',
  '<=': 'at or below',
  '>': 'above',
  '>=': 'at or above',
} as const;
/** The complement of each comparison, for explaining why a clause did not match. */
export const NOT_OP = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;

/** "1 school", "2 schools", "1,234 authorities": a count with its noun, singular when one. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd": a rank in words. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}
