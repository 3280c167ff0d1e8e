/** What moved since the school's previous year: ratings that changed, worse first. */
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import type { IndicatorRule } from '../../domain/rules/schema';
import type { YearOnYear } from '../../domain/year-on-year';

export function WhatMoved({
  change,
  indicators,
}: {
  change: YearOnYear;
  indicators: readonly IndicatorRule[];
}) {
  const rule = new Map(indicators.map((i) => [i.id, i]));
  const fmt = (id: string, v: number | undefined) => {
    const ind = rule.get(id);
    return v === undefined || !ind ? '' : formatValue(v, ind.unit, ind.decimals);
  };
  const moved = change.moved;

  return (
    <section aria-labelledby="moved-h">
      <h2 id="moved-h">What moved since {change.fromYear}</h2>
      {moved.length === 0 ? (
        <p>
          No rating changed between {change.fromYear} and {change.toYear}
          {change.unchanged.length ? ` on the ${change.unchanged.length} rated in both years` : ''}.
        </p>
      ) : (
        <ul className="moved-list">
          {moved.map((m) => (
            <li key={m.indicator}>
              <strong>{m.label}</strong>: <RagBadge rating={m.from} compact /> to{' '}
              <RagBadge rating={m.to} compact /> <strong>{m.way}</strong>
              {m.fromValue !== undefined && m.toValue !== undefined
                ? ` (${fmt(m.indicator, m.fromValue)} in ${change.fromYear}, ${fmt(m.indicator, m.toValue)} in ${change.toYear})`
                : ''}
            </li>
          ))}
        </ul>
      )}
      {moved[0]?.indicator === 'overall' && change.overallBasisDiffers.length > 0 && (
        <p className="note">
          The two overall ratings rest on different evidence:{' '}
          {change.overallBasisDiffers.join(', ')}{' '}
          {change.overallBasisDiffers.length === 1 ? 'is' : 'are'} rated in only one of the years.
        </p>
      )}
      {change.unchanged.length > 0 && moved.length > 0 && (
        <p className="muted">Unchanged: {change.unchanged.join(', ')}.</p>
      )}
      {change.notCompared.length > 0 && (
        <p className="muted">
          Not compared, rated in only one of the two years: {change.notCompared.join(', ')}.
        </p>
      )}
    </section>
  );
}
