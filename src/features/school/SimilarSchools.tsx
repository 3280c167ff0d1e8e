/**
 * Similar schools on the school page: how they are chosen (in words, on the page), where this
 * school stands among them on each performance indicator, and the list itself.
 */
import { median } from 'd3-array';
import { RagBadge } from '../../components/RagBadge';
import { ratingAt } from '../../domain/engine/query';
import type { TableRatings } from '../../domain/engine/rate-table';
import { formatValue, ordinal } from '../../domain/format';
import { primaryType, rankAmong, SIMILAR_MEASURES, similarRows } from '../../domain/similar';
import { textAt, valueAt } from '../../domain/table/school-table';
import { textOf } from '../../domain/table/text-column';

const method = SIMILAR_MEASURES.map(
  (m) => `${m.label}${m.weight === 1 ? '' : ` (weight ${m.weight})`}`,
).join(', ');

export function SimilarSchools({
  tr,
  row,
  linkFor,
}: {
  tr: TableRatings;
  row: number;
  linkFor: (urn: string) => string;
}) {
  const t = tr.table;
  const similar = similarRows(t, row);
  const year = textAt(t.year, row);
  const phase = similar.type || 'phase';
  const performance = tr.indicators.filter((c) => c.ind.rule.kind === 'performance');
  const positions = performance.flatMap((col) => {
    const own = col.value[row] as number;
    const others = similar.rows.map((i) => col.value[i] as number);
    const lower = col.ind.rule.polarity === 'lower_is_better';
    const r = rankAmong(own, others, lower);
    if (!r || r.of < 2) return [];
    const mid = median(others.filter((v) => !Number.isNaN(v)));
    return [{ col, own, rank: r, mid, lower }];
  });
  const fmt = (v: number | undefined, unit: string, decimals?: number) =>
    v === undefined || Number.isNaN(v) ? '—' : formatValue(v, unit, decimals);
  return (
    <section aria-labelledby="sim-h">
      <h2 id="sim-h">Similar schools</h2>
      <p className="muted no-print">
        The {similar.rows.length || ''} schools of the same year and{' '}
        {phase === 'phase' ? 'phase' : `type (${phase})`} nearest on {method}: each measure is
        scaled by its spread among those schools, and a measure either school lacks is left out of
        that pair.
      </p>
      {similar.rows.length === 0 ? (
        <p>No similar schools: this school has fewer than two of those measures.</p>
      ) : (
        <>
          {/* On paper, one sentence: the brief must stay within two A4 pages. */}
          {positions.length > 0 && (
            <p className="print-summary">
              Among {similar.rows.length} similar {similar.type || ''} schools (same type; nearest
              on FSM, SEN, prior attainment and size), 1st is best:{' '}
              {positions
                .map(({ col, rank }) => `${col.ind.rule.label} ${ordinal(rank.rank)} of ${rank.of}`)
                .join('; ')}
              .
            </p>
          )}
          <div className="no-print">
            {positions.length > 0 && (
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label="Position among similar schools"
              >
                <table>
                  <caption>
                    Where this school stands among its {similar.rows.length} similar schools, {year}{' '}
                    (1st is best)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Indicator</th>
                      <th scope="col">This school</th>
                      <th scope="col">Median of similar schools</th>
                      <th scope="col">Rank</th>
                    </tr>
                  </thead>
                  <tbody>
                    {positions.map(({ col, own, rank, mid, lower }) => (
                      <tr key={col.ind.id}>
                        <th scope="row">{col.ind.rule.label}</th>
                        <td className="num">
                          {fmt(own, col.ind.rule.unit, col.ind.rule.decimals)}
                        </td>
                        <td className="num">
                          {fmt(mid, col.ind.rule.unit, col.ind.rule.decimals)}
                        </td>
                        <td>
                          {ordinal(rank.rank)} of {rank.of}{' '}
                          <span className="muted">({lower ? 'lower' : 'higher'} is better)</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <details>
              <summary>The {similar.rows.length} similar schools</summary>
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label="Table of similar schools"
              >
                <table>
                  <caption>Similar schools in {year}, nearest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">School</th>
                      <th scope="col">FSM %</th>
                      <th scope="col">SEN %</th>
                      <th scope="col">Prior attainment</th>
                      <th scope="col">Pupils</th>
                      <th scope="col">Overall</th>
                    </tr>
                  </thead>
                  <tbody>
                    {similar.rows.map((i) => {
                      const sen =
                        (valueAt(t, 'sen_support_pct', i) ?? NaN) +
                        (valueAt(t, 'sen_ehcp_pct', i) ?? NaN);
                      return (
                        <tr key={textOf(t.urn, i)}>
                          <th scope="row">
                            <a href={linkFor(textOf(t.urn, i))}>{textOf(t.name, i)}</a>{' '}
                            <span className="muted">
                              {textAt(t.laName, i)}
                              {primaryType(t, i) ? `, ${primaryType(t, i)}` : ''}
                            </span>
                          </th>
                          <td className="num">{fmt(valueAt(t, 'fsm_pct', i), '%', 1)}</td>
                          <td className="num">{fmt(sen, '%', 1)}</td>
                          <td className="num">{fmt(valueAt(t, 'ks2_prior_aps', i), '', 1)}</td>
                          <td className="num">{fmt(valueAt(t, 'pupils', i), '')}</td>
                          <td>
                            <RagBadge rating={ratingAt(tr, -1, i)} compact />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </details>
          </div>
        </>
      )}
    </section>
  );
}
