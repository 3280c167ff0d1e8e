/**
 * A validation issue as the person editing the rules reads it: "Absence, clause 1: the
 * percentile must be more than 0 and less than 100", not
 * "indicators[3].clauses[0].when.quantile: Too big: expected number to be <1" (the editor shows
 * percentiles, the file holds fractions).
 */
import type { RuleSet } from '../../domain/rules/schema';

const FIELD_NAMES: Record<string, string> = {
  quantile: 'the percentile',
  value: 'the value',
  margin: 'the margin',
  op: 'the comparison',
  column: 'the column',
  expr: 'the formula',
  formula: 'the formula',
  label: 'the label',
  id: 'the id',
  rating: 'the rating',
  minPupils: 'the minimum pupils',
  redWhenRedCount: 'red at this many reds',
  amberWhenRedCount: 'amber at this many reds',
  amberWhenAmberCount: 'amber at this many ambers',
};

function messageFor(field: string, message: string): string {
  if (field === 'quantile' && /too (big|small)/i.test(message))
    return 'must be more than 0 and less than 100';
  if (/received undefined/.test(message)) return 'is missing';
  return message.replace(/^Invalid input: /, '');
}

export function issueText(rules: RuleSet, path: string, message: string): string {
  const parts: string[] = [];
  const ind = /^indicators\[(\d+)\]/.exec(path);
  if (ind) {
    const i = rules.indicators?.[Number(ind[1])];
    parts.push(i?.label || `Indicator ${Number(ind[1]) + 1}`);
  } else if (path.startsWith('overall')) parts.push('Overall rating');
  const clause = /\.(?:clauses|byPhase\.([a-z-]+))\[(\d+)\]/.exec(path);
  if (clause) parts.push(`${clause[1] ? `${clause[1]} ` : ''}clause ${Number(clause[2]) + 1}`);
  const field = /([A-Za-z]+)$/.exec(path)?.[1] ?? '';
  const where = parts.join(', ');
  const name = FIELD_NAMES[field] ?? (field ? `the ${field}` : '');
  const what = `${name} ${messageFor(field, message)}`.trim();
  return where ? `${where}: ${what}` : what || `${path}: ${message}`;
}
