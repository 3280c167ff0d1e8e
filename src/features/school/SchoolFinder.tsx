/** Find a school by name, town-free: type part of its name or its URN, pick from the list. */
import { useId, useMemo, useState } from 'react';
import type { SchoolYear } from '../../domain/types';

export interface SchoolFinderProps {
  /** One entry per school (latest year). */
  schools: readonly SchoolYear[];
  /** Link to a school's view. */
  linkFor: (urn: string) => string;
}

export function SchoolFinder({ schools, linkFor }: SchoolFinderProps) {
  const [q, setQ] = useState('');
  const id = useId();
  const matches = useMemo(() => {
    const t = q.trim().toLowerCase();
    if (t.length < 2) return [];
    return schools.filter((s) => s.name.toLowerCase().includes(t) || s.urn === t).slice(0, 20);
  }, [q, schools]);
  return (
    <div className="finder" role="search">
      <label htmlFor={id}>Find a school by name or URN</label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        aria-describedby={`${id}-n`}
      />
      <p id={`${id}-n`} className="muted" aria-live="polite">
        {q.trim().length < 2
          ? 'Type at least two letters.'
          : `${matches.length}${matches.length === 20 ? '+' : ''} schools found.`}
      </p>
      {matches.length > 0 && (
        <ul className="link-list">
          {matches.map((s) => (
            <li key={s.urn}>
              <a href={linkFor(s.urn)}>{s.name}</a>{' '}
              <span className="muted">
                URN {s.urn}, {s.laName}, {s.partnership}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
