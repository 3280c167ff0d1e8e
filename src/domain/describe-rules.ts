/**
 * Trigger rules in plain English, for the rules screen and the printable trigger document:
 * "Red when below 65%; otherwise amber when below the lower quartile of primary schools;
 * otherwise green."
 */
import { columnLabel } from './columns';
import { formatValue, OP_WORDS, quantileName } from './format';
import { RATING_WORD } from './rating';
import type { Clause, Condition, IndicatorRule } from './rules/schema';
import type { Phase } from './types';

function groupWords(ind: IndicatorRule, phase: Phase | undefined): string {
  const who = phase ? `${phase} schools` : 'schools of the same phase';
  const scope = ind.comparison?.scope;
  if (scope === 'england')
    return `${who} in England in the same year (the shipped England figures)`;
  const place =
    scope === 'la' ? ' and authority' : scope === 'partnership' ? ' and partnership' : '';
  return `${who} in the same year${place}`;
}

export function describeCondition(c: Condition, ind: IndicatorRule, phase?: Phase): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, ind, phase)).join(' and ');
  if ('any' in c) return c.any.map((x) => describeCondition(x, ind, phase)).join(' or ');
  const subject = c.column ? `${columnLabel(c.column)} ` : c.expr ? `${c.expr} ` : '';
  const unit = c.column || c.expr ? '' : ind.unit;
  const op = OP_WORDS[c.op];
  if (c.value !== undefined) return `${subject}${op} ${formatValue(c.value, unit, ind.decimals)}`;
  if (c.quantile !== undefined)
    return `${subject}${op} the ${quantileName(c.quantile)} of ${groupWords(ind, phase)}`;
  const m = c.margin ?? 0;
  const margin =
    m === 0 ? '' : ` ${m > 0 ? 'plus' : 'minus'} ${formatValue(Math.abs(m), unit, ind.decimals)}`;
  return `${subject}${op} the mean of ${groupWords(ind, phase)}${margin}`;
}

export function describeClauses(
  clauses: readonly Clause[],
  ind: IndicatorRule,
  phase?: Phase,
): string {
  const parts = clauses.map((cl, i) => {
    const rating = RATING_WORD[cl.rating];
    const lead = i === 0 ? rating[0]?.toUpperCase() + rating.slice(1) : `otherwise ${rating}`;
    const note = cl.note ? ` (${cl.note})` : '';
    return cl.when
      ? `${lead} when ${describeCondition(cl.when, ind, phase)}${note}`
      : `${i === 0 ? `Always ${rating}` : lead}${note}`;
  });
  return `${parts.join('; ')}.`;
}

/** Every clause list of an indicator, labelled by the phases it applies to. */
export function describeIndicator(ind: IndicatorRule): { phases: string; text: string }[] {
  const out: { phases: string; text: string }[] = [];
  for (const [phase, clauses] of Object.entries(ind.byPhase ?? {}))
    if (clauses) out.push({ phases: phase, text: describeClauses(clauses, ind, phase as Phase) });
  if (ind.clauses) {
    const others = Object.keys(ind.byPhase ?? {}).length;
    const phases =
      ind.phases === 'all'
        ? others
          ? 'other phases'
          : 'all phases'
        : ind.phases.filter((p) => !ind.byPhase?.[p]).join(', ');
    out.push({ phases, text: describeClauses(ind.clauses, ind) });
  }
  return out;
}

export function describeRollup(ind: IndicatorRule): string {
  const r = ind.rollup;
  if (r.method === 'aggregate')
    return 'Partnerships and the authority are rated on their combined value, by the absolute triggers above.';
  if (r.method === 'share') {
    const red = Math.round((r.redShare ?? 0.25) * 100);
    const ra = Math.round((r.redOrAmberShare ?? 0.5) * 100);
    return `Partnerships and the authority are red when at least ${red}% of their rated schools are red, amber when at least ${ra}% are red or amber, otherwise green.`;
  }
  return `Rolled up by the "${r.method}" method.`;
}
