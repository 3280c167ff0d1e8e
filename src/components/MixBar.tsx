/** The red/amber/green/no-data mix of a group: a thin bar plus the counts as text. */
import type { RatingCounts } from '../domain/rollup-methods';

export function mixText(c: RatingCounts): string {
  return `${c.red} red, ${c.amber} amber, ${c.green} green, ${c.none} no data`;
}

export function MixBar({ counts }: { counts: RatingCounts }) {
  const total = counts.red + counts.amber + counts.green + counts.none || 1;
  const parts = (['red', 'amber', 'green', 'none'] as const).filter((k) => counts[k] > 0);
  return (
    <span className="mix" title={mixText(counts)}>
      <span className="mix-bar" aria-hidden="true">
        {parts.map((k) => (
          <span key={k} className={`mix-${k}`} style={{ width: `${(counts[k] / total) * 100}%` }} />
        ))}
      </span>
      <span className="mix-counts">
        <span className="visually-hidden">{mixText(counts)}</span>
        <span aria-hidden="true">
          {counts.red}·{counts.amber}·{counts.green}
          {counts.none ? ` (${counts.none})` : ''}
        </span>
      </span>
    </span>
  );
}
