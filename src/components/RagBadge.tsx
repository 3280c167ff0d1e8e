/**
 * A rating is never colour alone: a shape (square, triangle, circle, hollow dash) and a word go
 * with every colour, so it reads in greyscale, to colour-blind users and to screen readers.
 */
import { RATING_LABEL } from '../domain/rating';
import type { Rating } from '../domain/types';

/** Decorative shape for a rating; the text label beside it carries the meaning. */
export function RagShape({ rating, size = 12 }: { rating: Rating; size?: number }) {
  const s = size;
  return (
    <svg
      className={`rag-shape rag-shape-${rating}`}
      width={s}
      height={s}
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      {rating === 'red' && <rect x="1" y="1" width="10" height="10" />}
      {rating === 'amber' && <path d="M6 0.5 L11.5 11 L0.5 11 Z" />}
      {rating === 'green' && <circle cx="6" cy="6" r="5.5" />}
      {rating === 'none' && <circle cx="6" cy="6" r="4.5" fill="none" strokeWidth="1.5" />}
    </svg>
  );
}

export interface RagBadgeProps {
  /** The rating to show. */
  rating: Rating;
  /** Override the visible word (e.g. "Causing concern"). */
  label?: string;
  /** Smaller badge for dense tables. */
  compact?: boolean;
}

/**
 * In badges the shape is one box drawn by CSS (square, triangle, circle, ring), not an SVG: a
 * heatmap page has hundreds of badges, and each SVG is an image the browser must paint.
 */
export function RagBadge({ rating, label, compact }: RagBadgeProps) {
  return (
    <span className={`rag rag-${rating}${compact ? ' rag-compact' : ''}`}>
      <span className={`rag-mark rag-mark-${rating}`} aria-hidden="true" />
      <span className="rag-label">{label ?? RATING_LABEL[rating]}</span>
    </span>
  );
}
