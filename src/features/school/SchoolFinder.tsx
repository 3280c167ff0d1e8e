/** Find a school by name, town-free: type part of its name or its URN, pick from the list. */
import { countOf } from '../../domain/format';
import { useId, useMemo, useState } from 'react';
import { rowsByUrn } from '../../domain/engine/query';
import { textAt, type SchoolTable } from '../../domain/table/school-table';
import { textOf } from '../../domain/table/text-column';

export interface SchoolFinderProps {
  /** The schools to search (each by its latest year). */
  table: SchoolTable;
  /** Link to a school's view. */
  linkFor: (urn: string) => string;
}

interface Entry {
  urn: string;
  name: string;
  lower: string;
  laName: string;
  partnership: string;
}

// One entry per school, by name, made once per table (a national list is 23,000 schools).
const entriesCache = new WeakMap<SchoolTable, Entry[]>();
function entriesOf(t: SchoolTable): Entry[] {
  let e = entriesCache.get(t);
  if (e) return e;
  const collator = new Intl.Collator('en-GB');
  e = [...rowsByUrn(t).values()]
    .map((rows) => {
      const i = rows[rows.length - 1] as number;
      const name = textOf(t.name, i);
      return {
        urn: textOf(t.urn, i),
        name,
        lower: name.toLowerCase(),
        laName: textAt(t.laName, i),
        partnership: textAt(t.partnership, i),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  entriesCache.set(t, e);
  return e;
}

export function SchoolFinder({ table, linkFor }: SchoolFinderProps) {
  const [q, setQ] = useState('');
  const id = useId();
  const matches = useMemo(() => {
    const t = q.trim().toLowerCase();
    if (t.length < 2) return [];
    return entriesOf(table)
      .filter((s) => s.lower.includes(t) || s.urn === t)
      .slice(0, 20);
  }, [q, table]);
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
          : matches.length === 20
            ? '20+ schools found.'
            : `${countOf(matches.length, 'school')} found.`}
      </p>
      {matches.length > 0 && (
        <ul className="link-list">
          {matches.map((s) => (
            <li key={s.urn}>
              <a href={linkFor(s.urn)}>{s.name}</a>{' '}
              <span className="muted">
                {/* A school the files give no name is named by its URN: said once. */}
                {s.name === `URN ${s.urn}` ? '' : `URN ${s.urn}, `}
                {s.laName}, {s.partnership}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
