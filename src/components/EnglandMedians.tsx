/**
 * England's median for an indicator beside a group's figure, one per phase among the group's
 * rated schools (a mixed partnership has a primary and a secondary median), or why there is none.
 */
import { englandFigure, type Benchmarks } from '../domain/benchmarks';
import { formatCount, formatValue } from '../domain/format';
import type { IndicatorRule } from '../domain/rules/schema';
import type { Phase } from '../domain/types';

export function EnglandMedians({
  england,
  failed,
  ind,
  phases,
  year,
}: {
  england: Benchmarks | undefined;
  failed: boolean;
  ind: IndicatorRule;
  phases: readonly Phase[];
  year: string;
}) {
  if (failed) return <span className="muted">England figures could not be loaded</span>;
  if (!phases.length) return <span className="muted">no rated schools</span>;
  const figures = phases.map((p) => ({ p, f: englandFigure(england, ind.id, p, year) }));
  // One sentence when no phase has a figure, not the same words per phase.
  if (figures.length > 1 && figures.every(({ f }) => !f.ok))
    return (
      <span className="muted">
        no England figure for {phases.join(' or ')} schools in {year}
      </span>
    );
  return (
    <>
      {figures.map(({ p, f }, k) => (
        <span key={p} className="england-median">
          {k > 0 ? '; ' : ''}
          {phases.length > 1 ? `${p}: ` : ''}
          {f.ok ? (
            <>
              median {formatValue(f.d.q['0.5'] as number, ind.unit, ind.decimals)}
              <span className="muted"> of {formatCount(f.d.n)} schools</span>
            </>
          ) : (
            <span className="muted">{f.why}</span>
          )}
        </span>
      ))}
    </>
  );
}
