/** Where a school sits in its comparison group (SVG only; layout in layout.ts). */
import { stripLayout } from './layout';

export interface StripPlotProps {
  /** Every value of the comparison group, ascending. */
  values: ArrayLike<number>;
  /** Cut-offs to mark, e.g. lower and upper quartile. */
  cutoffs: readonly { label: string; value: number }[];
  /** This school's value. */
  value: number | undefined;
  /** Accessible description of the whole chart. */
  description: string;
  /** Tick formatter in the indicator's unit. */
  format?: (v: number) => string;
}

const R = 1.6;
const SHADES = [
  { from: 1, to: 1, opacity: 0.55 },
  { from: 2, to: 2, opacity: 0.8 },
  { from: 3, to: Infinity, opacity: 0.9 },
];

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
      {/* One path per shade: a spot of one school light, of two darker, of three or more
          darker still (as overlapping translucent dots looked), not an element per school. */}
      {SHADES.map(({ from, to, opacity }) => {
        const d = l.dots
          .filter((p) => p.count >= from && p.count <= to)
          .map(
            (p) =>
              `M${(p.x - R).toFixed(1)},${p.y.toFixed(1)}a${R},${R} 0 1,0 ${2 * R},0a${R},${R} 0 1,0 ${-2 * R},0`,
          )
          .join('');
        return d ? <path key={from} className="strip-dots" d={d} opacity={opacity} /> : null;
      })}
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
