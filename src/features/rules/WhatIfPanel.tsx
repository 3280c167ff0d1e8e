/**
 * Live what-if: how many schools, partnerships and authorities would change colour, and which,
 * if the draft replaced the saved rules. Both are rated by the engine itself.
 */
import { countOf } from '../../domain/format';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { whatIfQueryOptions } from '../../api/ratings';
import { RagBadge } from '../../components/RagBadge';
import type { Filter } from '../../domain/rated-view';
import type { RuleSet } from '../../domain/rules/schema';
import type { LoadedDataset } from '../../api/dataset';
import { RATINGS } from '../../domain/types';

const HEADLINE = {
  red: 'Causing concern',
  amber: 'Amber',
  green: 'Green',
  none: 'No data',
} as const;

export interface WhatIfPanelProps {
  /** The data the dashboard shows (the worker rates the draft over it). */
  data: LoadedDataset;
  saved: RuleSet;
  /** The draft; undefined while it has validation errors. */
  draft: RuleSet | undefined;
  filter: Filter;
  labelOf: (indicatorId: string) => string;
}

export function WhatIfPanel({ data, saved, draft, filter, labelOf }: WhatIfPanelProps) {
  // The same query the clause counts read (RulesView).
  const changed = !!draft && draft !== saved;
  const query = useQuery(whatIfQueryOptions(data, saved, draft, filter));
  const result = changed ? query.data : undefined;
  const [open, setOpen] = useState(false);
  return (
    <section className="what-if" aria-labelledby="whatif-h">
      <h2 id="whatif-h">What if these rules applied? ({filter.year})</h2>
      <p aria-live="polite" className="what-if-summary">
        {!draft
          ? 'Fix the highlighted fields to see the effect.'
          : changed && !result
            ? 'Working out the effect…'
            : !result
              ? 'No changes yet: edit a trigger to see which schools would change colour.'
              : `${countOf(result.schools, 'school')}, ${countOf(result.partnerships, 'partnership')} and ${countOf(result.authorities, 'authority', 'authorities')} would change colour.`}
      </p>
      {result && result.changes.length > 0 && (
        <table className="what-if-net">
          <caption>Schools by overall rating, now and with the draft</caption>
          <thead>
            <tr>
              <th scope="col">Overall</th>
              <th scope="col">Now</th>
              <th scope="col">With the draft</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {RATINGS.map((r) => {
              const before = result.overallBefore[r];
              const after = result.overallAfter[r];
              const delta = after - before;
              return (
                <tr key={r}>
                  <th scope="row">
                    <RagBadge rating={r} label={HEADLINE[r]} compact />
                  </th>
                  <td className="num">{before}</td>
                  <td className="num">{after}</td>
                  <td className="num">
                    {delta === 0 ? 'no change' : delta > 0 ? `+${delta}` : `−${-delta}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {result && result.changes.length > 0 && (
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Which ones ({countOf(result.changeCount, 'rating change')})</summary>
          {/* The list is built only when opened: thousands of rows for a national what-if. */}
          {open && (
            <>
              <div
                className="table-scroll tall"
                tabIndex={0}
                role="region"
                aria-label="Rating changes"
              >
                <table>
                  <caption>Ratings that would change, saved rules to draft</caption>
                  <thead>
                    <tr>
                      <th scope="col">Level</th>
                      <th scope="col">Name</th>
                      <th scope="col">Indicator</th>
                      <th scope="col">Now</th>
                      <th scope="col">Would be</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.changes.map((c) => (
                      <tr key={`${c.level}|${c.id}|${c.indicator}`}>
                        <td>{c.level}</td>
                        <th scope="row">{c.name}</th>
                        <td>{c.indicator === 'overall' ? 'Overall' : labelOf(c.indicator)}</td>
                        <td>
                          <RagBadge rating={c.from} compact />
                        </td>
                        <td>
                          <RagBadge rating={c.to} compact />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {result.changeCount > result.changes.length && (
                <p className="muted">
                  Showing the first {result.changes.length} of {result.changeCount} changes:
                  authorities and partnerships first, then schools.
                </p>
              )}
            </>
          )}
        </details>
      )}
    </section>
  );
}
