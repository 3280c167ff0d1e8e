/** Find a school by name, town-free: type part of its name or its URN, pick from the list. */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { LoadedDataset } from '../../api/dataset';
import { findSchoolsQueryOptions } from '../../api/school';
import { countOf } from '../../domain/format';
import { FIND_LIMIT } from '../../domain/school-search';

export interface SchoolFinderProps {
  /** The schools to search (each by its latest year), asked of the data worker. */
  data: LoadedDataset;
  /** Link to a school's view. */
  linkFor: (urn: string) => string;
}

export function SchoolFinder({ data, linkFor }: SchoolFinderProps) {
  const [q, setQ] = useState('');
  const id = useId();
  const found = useQuery(findSchoolsQueryOptions(data, q));
  const short = q.trim().length < 2;
  const matches = short ? [] : (found.data ?? []);
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
        {short
          ? 'Type at least two letters.'
          : found.isError
            ? `The search failed: ${found.error.message}`
            : !found.data
              ? 'Searching…'
              : matches.length === FIND_LIMIT
                ? `${FIND_LIMIT}+ schools found.`
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
