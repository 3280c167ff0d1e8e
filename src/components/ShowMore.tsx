/** Renders a long list a page at a time, so national-size lists stay light in the DOM. */
import { useState, type ReactNode } from 'react';
import { useRevealed } from './use-revealed';
import { formatCount } from '../domain/format';

export interface ShowMoreProps<T> {
  items: readonly T[];
  /** Items shown at first and added per click. */
  page?: number;
  render: (visible: readonly T[]) => ReactNode;
  /** What the items are, for the button: "partnerships". */
  noun: string;
}

/** Items on the first frame of a new list, and added per frame after it (see useRevealed). */
const FIRST_FRAME = 4;
const PER_FRAME = 8;

export function ShowMore<T>({ items, page = 100, render, noun }: ShowMoreProps<T>) {
  const [count, setCount] = useState(page);
  const revealed = useRevealed(Math.min(count, items.length), FIRST_FRAME, PER_FRAME);
  const visible = items.length > revealed ? items.slice(0, revealed) : items;
  return (
    <>
      {render(visible)}
      {items.length > count && (
        <p>
          {/* What is on the page: while a page is being revealed, fewer than `count`. */}
          Showing {formatCount(visible.length)} of {formatCount(items.length)} {noun}.{' '}
          <button type="button" className="secondary" onClick={() => setCount((c) => c + page)}>
            Show {Math.min(page, items.length - count)} more {noun}
          </button>
        </p>
      )}
    </>
  );
}
