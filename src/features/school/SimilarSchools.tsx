/**
 * Similar schools on the school page: how they are chosen (in words, on the page), where this
 * school stands among them on each performance indicator, and the list itself.
 */
import { useQuery } from '@tanstack/react-query';
import type { LoadedDataset } from '../../api/dataset';
import { similarQueryOptions } from '../../api/school';
import { ErrorMessage, Loading } from '../../components/Loading';
import { RagBadge } from '../../components/RagBadge';
import { formatValue, ordinal } from '../../domain/format';
import type { RuleSet } from '../../domain/rules/schema';
import { SIMILAR_MEASURES } from '../../domain/similar';

const method = SIMILAR_MEASURES.map(
  (m) => `${m.label}${m.weight === 1 ? '' : ` (weight ${m.weight})`}`,
).join(', ');

export function SimilarSchools({
  data,
  rules,
  urn,
  year,
  linkFor,
}: {
  data: LoadedDataset;
  rules: RuleSet;
  urn: string;
  year: string;
  linkFor: (urn: string) => string;
}) {
  const similar = useQuery(similarQueryOptions(data, rules, urn, year));
  if (!similar.data)
    return (
      <section aria-labelledby="sim-h">
        <h2 id="sim-h">Similar schools</h2>
        {similar.isError ? (
          <ErrorMessage
            title="Similar schools could not be found"
            error={similar.error}
            onRetry={() => void similar.refetch()}
          />
        ) : (
          <Loading what="similar schools" />
        )}
      </section>
    );
  const { schools, type, positions: found } = similar.data;
  const phase = type || 'phase';
  const ruleOf = new Map(rules.indicators.map((r) => [r.id, r]));
  const positions = found.flatMap((p) => {
    const rule = ruleOf.get(p.indicator);
    return rule ? [{ ...p, rule, lower: rule.polarity === 'lower_is_better' }] : [];
  });
  const fmt = (v: number | undefined, unit: string, decimals?: number) =>
    v === undefined || Number.isNaN(v) ? '—' : formatValue(v, unit, decimals);
  return (
    <section aria-labelledby="sim-h">
      <h2 id="sim-h">Similar schools</h2>
      <p className="muted no-print">
        The {schools.length || ''} schools of the same year and{' '}
        {phase === 'phase' ? 'phase' : `type (${phase})`} nearest on {method}: each measure is
        scaled by its spread among those schools, and a measure either school lacks is left out of
        that pair.
      </p>
      {schools.length === 0 ? (
        <p>No similar schools: this school has fewer than two of those measures.</p>
      ) : (
        <>
          {/* On paper, one sentence: the brief must stay within two A4 pages. */}
          {positions.length > 0 && (
            <p className="print-summary">
              Among {schools.length} similar {type || ''} schools (same type; nearest on FSM, SEN,
              prior attainment and size), 1st is best:{' '}
              {positions
                .map(({ rule, rank }) => `${rule.label} ${ordinal(rank.rank)} of ${rank.of}`)
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
                    Where this school stands among its {schools.length} similar schools, {year} (1st
                    is best)
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
                    {positions.map(({ rule, own, rank, mid, lower }) => (
                      <tr key={rule.id}>
                        <th scope="row">{rule.label}</th>
                        <td className="num">{fmt(own, rule.unit, rule.decimals)}</td>
                        <td className="num">{fmt(mid, rule.unit, rule.decimals)}</td>
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
              <summary>The {schools.length} similar schools</summary>
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
                    {schools.map((o) => (
                      <tr key={o.urn}>
                        <th scope="row">
                          <a href={linkFor(o.urn)}>{o.name}</a>{' '}
                          <span className="muted">
                            {o.laName}
                            {o.type ? `, ${o.type}` : ''}
                          </span>
                        </th>
                        <td className="num">{fmt(o.fsm, '%', 1)}</td>
                        <td className="num">{fmt(o.sen, '%', 1)}</td>
                        <td className="num">{fmt(o.prior, '', 1)}</td>
                        <td className="num">{fmt(o.pupils, '')}</td>
                        <td>
                          <RagBadge rating={o.overall} compact />
                        </td>
                      </tr>
                    ))}
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
