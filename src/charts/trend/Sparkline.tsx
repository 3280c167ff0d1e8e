/** A school's values across years (SVG only); the table beside it gives the numbers. */
import type { TrendPoint } from '../../domain/trend';
import { trendLayout } from './layout';

export interface SparklineProps {
  /** Values by year (only years with a value). */
  points: readonly TrendPoint[];
  /** Every year of the dataset, in order, for the x axis. */
  years: readonly string[];
  /** Accessible description, e.g. "KS2 RWM: 68% in 2016/17, 57% in 2017/18...". */
  description: string;
}

export function Sparkline({ points, years, description }: SparklineProps) {
  const l = trendLayout(points, years);
  return (
    <svg className="spark" width={l.width} height={l.height} role="img" aria-label={description}>
      <path d={l.path} fill="none" />
      {l.pts.map((p) => (
        <circle key={p.year} cx={p.x} cy={p.y} r={2.5} />
      ))}
    </svg>
  );
}
