/** One indicator for one school: value, rating and why, position in its group, trend, peers. */
import { RagBadge } from '../../components/RagBadge';
import { StripPlot } from '../../charts/strip/StripPlot';
import { Sparkline } from '../../charts/trend/Sparkline';
import { MixBar } from '../../components/MixBar';
import { englandFigure } from '../../domain/benchmarks';
import { formatCount, formatValue } from '../../domain/format';
import type { IndicatorRating } from '../../domain/rating';
import type { GroupIndicatorRating } from '../../domain/engine/explain-group';
import type { IndicatorRule } from '../../domain/rules/schema';
import { directionOf, type TrendPoint } from '../../domain/trend';

export interface IndicatorRowProps {
  ind: IndicatorRule;
  rating: IndicatorRating;
  /** Comparison group values, ascending (empty when none). */
  distribution: ArrayLike<number>;
  trend: readonly TrendPoint[];
  years: readonly string[];
  partnership: GroupIndicatorRating | undefined;
  authority: GroupIndicatorRating | undefined;
  /** The England figure for this indicator, phase and year, or why there is none. */
  england: ReturnType<typeof englandFigure>;
  /** Provenance notes: illustrative values, mixed years. */
  notes: readonly string[];
  /** Names of the partnership and authority columns, for the stacked layout on a phone. */
  groupLabels: readonly [string, string];
}

const ARROW: Record<string, string> = {
  improving: '↗',
  declining: '↘',
  up: '↑',
  down: '↓',
  'no change': '→',
  'not enough data': '',
};

export function IndicatorRow({
  ind,
  rating,
  distribution,
  trend,
  years,
  partnership,
  authority,
  england,
  notes,
  groupLabels,
}: IndicatorRowProps) {
  const fmt = (v: number) => formatValue(v, ind.unit, ind.decimals);
  const cutoffs = rating.thresholds.filter(
    (t, i, a) => a.findIndex((x) => x.value === t.value) === i,
  );
  const dir = directionOf(trend, ind.polarity);
  // Direction of travel is latest year against the one before: say which, so a dip after a
  // rise is not read as a long decline.
  const since = [...trend].sort((a, b) => (a.year < b.year ? -1 : 1)).at(-2)?.year;
  const trendText = trend.map((p) => `${fmt(p.value)} in ${p.year}`).join(', ');
  return (
    <tr>
      <th scope="row">
        {ind.label}
        <span className="col-kind">{ind.kind === 'context' ? ' (context)' : ''}</span>
      </th>
      <td className="num" data-label="Value">
        {rating.value !== undefined ? fmt(rating.value) : '—'}
      </td>
      <td data-label="Rating">
        <RagBadge rating={rating.rating} />
      </td>
      <td className="reason" data-label="Why">
        {rating.reason}
        {notes.map((n) => (
          <p key={n} className="note">
            {n}
          </p>
        ))}
      </td>
      <td className="position" data-label="Among similar-phase schools">
        {distribution.length > 0 && rating.value !== undefined ? (
          <StripPlot
            values={distribution}
            cutoffs={cutoffs}
            value={rating.value}
            format={(v) => formatValue(v, ind.unit === 'pupils' ? '' : ind.unit, ind.decimals)}
            description={`${ind.label}: this school ${fmt(rating.value)} among ${formatCount(distribution.length)} schools from ${fmt(distribution[0] as number)} to ${fmt(distribution[distribution.length - 1] as number)}${cutoffs.length ? `; cut-offs ${cutoffs.map((c) => `${c.label} ${fmt(c.value)}`).join(', ')}` : ''}`}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label="Trend">
        {trend.length > 1 && (
          <Sparkline points={trend} years={years} description={`${ind.label}: ${trendText}`} />
        )}
        <span className="trend-text">
          {dir !== 'not enough data' && <strong>{`${ARROW[dir]} ${dir} since ${since}`}</strong>}
          {dir !== 'not enough data' && <br />}

          {trendText || 'no values'}
        </span>
      </td>
      {[partnership, authority].map((g, i) => (
        <td key={i} title={g?.reason} data-label={groupLabels[i]}>
          {g ? (
            <>
              <RagBadge rating={g.rating} compact />{' '}
              {g.aggregate !== undefined ? fmt(g.aggregate) : ''} <MixBar counts={g.counts} />
            </>
          ) : (
            '—'
          )}
        </td>
      ))}
      <td className="england" data-label="England">
        {england.ok ? (
          <>
            median {fmt(england.d.q['0.5'] as number)}
            <span className="muted">
              {' '}
              (quartiles {fmt(england.d.q['0.25'] as number)}–{fmt(england.d.q['0.75'] as number)},{' '}
              {formatCount(england.d.n)} schools)
            </span>
          </>
        ) : (
          <span className="muted">{england.why}</span>
        )}
      </td>
    </tr>
  );
}
