/** Table twin of the strip plots: each comparison group's spread and where this school sits. */
import { summarise } from '../../charts/strip/summary';
import { formatValue } from '../../domain/format';
import type { SchoolRatings } from '../../domain/rate-dataset';
import type { IndicatorRule } from '../../domain/rules/schema';

export interface DistributionTableProps {
  current: SchoolRatings;
  indicators: readonly IndicatorRule[];
  /** The school's comparison group for an indicator, ascending (empty when none). */
  distributionOf: (indicatorId: string) => ArrayLike<number>;
}

export function DistributionTable({ current, indicators, distributionOf }: DistributionTableProps) {
  const rows = indicators.flatMap((ind) => {
    const sum = summarise(distributionOf(ind.id));
    return sum ? [{ ind, sum }] : [];
  });
  if (!rows.length) return null;
  return (
    <details className="no-print">
      <summary>The position charts as a table</summary>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Position charts as a table"
      >
        <table>
          <caption>
            Comparison groups ({current.school.phase} schools, {current.school.year}): spread and
            this school
          </caption>
          <thead>
            <tr>
              {[
                'Indicator',
                'Schools',
                'Lowest',
                'Lower quartile',
                'Median',
                'Upper quartile',
                'Highest',
                'This school',
              ].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ ind, sum }) => {
              const f = (v: number | undefined) =>
                v === undefined ? '—' : formatValue(v, ind.unit, ind.decimals);
              return (
                <tr key={ind.id}>
                  <th scope="row">{ind.label}</th>
                  <td className="num">{sum.n}</td>
                  {[
                    sum.min,
                    sum.q1,
                    sum.median,
                    sum.q3,
                    sum.max,
                    current.byIndicator[ind.id]?.value,
                  ].map((v, i) => (
                    <td key={i} className="num">
                      {f(v)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
