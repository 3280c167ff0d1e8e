/** The red/amber/green/no-data mix of a group: a thin bar plus the counts as text. */
import type { RatingCounts } from '../domain/rollup-methods';

export function mixText(c: RatingCounts): string {
  return `${c.red} red, ${c.amber} amber, ${c.green} green, ${c.none} no data`;
}

const COLOUR = {
  red: 'var(--red)',
  amber: 'var(--amber)',
  green: 'var(--green)',
  none: 'var(--none-bg)',
};

/**
 * The bar as one element: a gradient with hard stops, one band per rating. A heatmap page has
 * hundreds of these, so each is one box for the browser to lay out, not five.
 */
function bandsOf(c: RatingCounts): string {
  const total = c.red + c.amber + c.green + c.none || 1;
  let at = 0;
  const stops: string[] = [];
  for (const k of ['red', 'amber', 'green', 'none'] as const) {
    if (!c[k]) continue;
    const end = at + (c[k] / total) * 100;
    stops.push(`${COLOUR[k]} ${at}% ${end}%`);
    at = end;
  }
  return stops.length ? `linear-gradient(to right, ${stops.join(', ')})` : 'none';
}

export function MixBar({ counts }: { counts: RatingCounts }) {
  return (
    <span className="mix" title={mixText(counts)}>
      <span className="mix-bar" aria-hidden="true" style={{ background: bandsOf(counts) }} />
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
