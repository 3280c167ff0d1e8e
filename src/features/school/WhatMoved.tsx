/** What moved since the school's previous year: ratings that changed, worse first. */
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import type { IndicatorRule } from '../../domain/rules/schema';
import { RATING_LABEL } from '../../domain/rating';
import { basisNote, type YearOnYear } from '../../domain/year-on-year';

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

  const basis = basisNote(change.fromYear, change.toYear, change.basis);
  const other = change.notComparable;
  return (
    <section aria-labelledby="moved-h">
      <h2 id="moved-h">What moved since {change.fromYear}</h2>
      {change.overallBasisDiffers.length > 0 && (
        <p className="note">
          <strong>Overall: not comparable</strong> ({basis}), so the two overall ratings rest on
          different evidence.
          {change.likeForLike &&
            (change.likeForLike.on.length
              ? ` On the ${change.likeForLike.on.length} performance indicators rated in both years (${change.likeForLike.on.join(', ')}), overall was ${RATING_LABEL[change.likeForLike.from].toLowerCase()} in ${change.fromYear} and is ${RATING_LABEL[change.likeForLike.to].toLowerCase()} in ${change.toYear}.`
              : ' No performance indicator is rated in both years.')}
        </p>
      )}
      {moved.length === 0 ? (
        <p>
          {change.unchanged.length
            ? `No rating changed between ${change.fromYear} and ${change.toYear} on the ${change.unchanged.length} rated in both years.`
            : `Nothing can be compared between ${change.fromYear} and ${change.toYear}: no indicator is rated in both years.`}
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
      {change.unchanged.length > 0 && moved.length > 0 && (
        <p className="muted">Unchanged: {change.unchanged.join(', ')}.</p>
      )}
      {change.otherDefinition.length > 0 && (
        <p className="muted">
          Not compared, their values are of different definitions in the two years:{' '}
          {change.otherDefinition.map((n) => `${n.label} (${n.why})`).join(', ')}.
        </p>
      )}
      {other.length > 0 && (
        <p className="muted">
          Not compared, rated in only one of the two years:{' '}
          {other.map((n) => `${n.label} (no data for ${n.missingIn})`).join(', ')}.
        </p>
      )}
    </section>
  );
}
