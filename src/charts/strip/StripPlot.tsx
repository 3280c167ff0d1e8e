/** Where a school sits in its comparison group (SVG only; layout in layout.ts). */
import { stripLayout } from './layout';

export interface StripPlotProps {
  /** Every value of the comparison group, ascending. */
  values: readonly number[];
  /** Cut-offs to mark, e.g. lower and upper quartile. */
  cutoffs: readonly { label: string; value: number }[];
  /** This school's value. */
  value: number | undefined;
  /** Accessible description of the whole chart. */
  description: string;
  /** Tick formatter in the indicator's unit. */
  format?: (v: number) => string;
}

export function StripPlot({ values, cutoffs, value, description, format }: StripPlotProps) {
  const l = stripLayout(values, cutoffs, value, 240, 44, format);
  return (
    <svg
      className="strip"
      width={l.width}
      height={l.height}
      viewBox={`0 0 ${l.width} ${l.height}`}
      role="img"
      aria-label={description}
    >
      <g className="strip-dots">
        {l.dots.map((d, i) => (
          <circle key={i} cx={d.x} cy={d.y} r={1.6} />
        ))}
      </g>
      {l.cutoffs.map((c) => (
        <line key={c.label} className="strip-cutoff" x1={c.x} x2={c.x} y1={2} y2={l.height - 14} />
      ))}
      {l.marker && (
        <path className="strip-marker" d={`M${l.marker.x},${l.height - 30} l5,-9 h-10 z`} />
      )}
      {l.ticks.map((t) => (
        <text key={t.x} x={t.x} y={l.height - 2} textAnchor={t.anchor} className="strip-tick">
          {t.label}
        </text>
      ))}
    </svg>
  );
}
