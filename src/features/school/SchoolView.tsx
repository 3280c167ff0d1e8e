/**
 * A school improvement partner's visit brief and a head teacher's own page: every indicator
 * with why, where the school sits among its peers, how it moved, its partnership and authority,
 * and similar schools. Prints as a one-to-two page brief.
 */
import { RagBadge } from '../../components/RagBadge';
import { comparisonKeyOf } from '../../domain/comparison-groups';
import { illustrativeNote, mixedYearNote } from '../../domain/mixed-years';
import { overallReasonBody } from '../../domain/overall';
import { partnershipOf } from '../../domain/rollup';
import { similarSchools } from '../../domain/similar';
import type { SchoolYear } from '../../domain/types';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { IndicatorRow } from './IndicatorRow';
import { SchoolFinder } from './SchoolFinder';
import { DistributionTable } from './DistributionTable';
import { WhatMoved } from './WhatMoved';
import { previousOf, yearOnYear, yearsBySchool } from '../../domain/year-on-year';

import { formatValue } from '../../domain/format';

export function SchoolView({ d }: { d: Dashboard }) {
  const view = d.ratings.data;
  const groups = d.rollups.data;
  const rules = d.rules.data;
  const dataset = d.data.data?.dataset;
  if (!view || !groups || !rules || !dataset) return null;
  const params = d.vs.params;
  const linkFor = (urn: string) => {
    const p = new URLSearchParams(params);
    p.set('urn', urn);
    return hashFor('school', p);
  };
  const latest = new Map<string, SchoolYear>();
  for (const s of dataset.schools)
    if ((latest.get(s.urn)?.year ?? '') < s.year) latest.set(s.urn, s);
  const urn = params.get('urn');
  const allYears = view.schools.filter((s) => s.school.urn === urn);
  const current =
    allYears.find((s) => s.school.year === d.filter.year) ?? allYears[allYears.length - 1];
  const finder = (
    <SchoolFinder
      schools={[...latest.values()].sort((a, b) => a.name.localeCompare(b.name))}
      linkFor={linkFor}
    />
  );
  if (!urn || !current) {
    return (
      <>
        <h1>Schools</h1>
        {urn && <p role="alert">No school with URN {urn} in this dataset.</p>}
        {finder}
      </>
    );
  }
  const s = current.school;
  const years = [...new Set(dataset.schools.map((x) => x.year))].sort();
  const partnershipName = partnershipOf(s, d.filter.grouping);
  const partnership = groups.find(
    (g) => g.level === 'partnership' && g.id === partnershipName && g.year === s.year,
  );
  const authority = groups.find(
    (g) => g.level === 'authority' && g.id === s.laCode && g.year === s.year,
  );
  const similar = similarSchools(s, dataset.schools, 5);
  const previous = previousOf(current, yearsBySchool(allYears));
  const notApplicable = rules.indicators.filter(
    (i) => current.byIndicator[i.id]?.applicable === false,
  );

  const ratingOf = (x: SchoolYear) =>
    view.schools.find((r) => r.school === x) ??
    view.schools.find((r) => r.school.urn === x.urn && r.school.year === x.year);
  return (
    <article className="school">
      <div className="no-print">{finder}</div>
      <header>
        <h1>{s.name}</h1>
        <p>
          URN {s.urn} · {s.phase} · {s.laName} ({s.laCode}) · {partnershipName} · {s.year}
          {s.values.pupils !== undefined ? ` · ${formatValue(s.values.pupils, 'pupils')}` : ''}
        </p>
        <p className="overall">
          Overall:{' '}
          <RagBadge
            rating={current.overall.rating}
            label={current.overall.rating === 'red' ? 'Causing concern' : undefined}
          />{' '}
          <span>{overallReasonBody(current.overall.reason)}</span>
        </p>
        {current.school.year !== d.filter.year && (
          <p className="note">
            This school has no data for {d.filter.year}; showing {current.school.year}.
          </p>
        )}
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print visit brief
        </button>
      </header>
      {previous && (
        <WhatMoved
          change={yearOnYear(previous, current, rules.indicators)}
          indicators={rules.indicators}
        />
      )}
      <section aria-labelledby="ind-h">
        <h2 id="ind-h">Every indicator</h2>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Indicators of this school"
        >
          <table className="indicators">
            <caption>
              {s.name}, {s.year}: value, rating and reason; position among the comparison group
              (dots are schools, lines the cut-offs, the triangle this school); trend; partnership
              and authority figures
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Value</th>
                <th scope="col">Rating</th>
                <th scope="col">Why</th>
                <th scope="col">Among similar-phase schools</th>
                <th scope="col">Trend</th>
                <th scope="col">{partnershipName}</th>
                <th scope="col">{s.laName || 'Authority'}</th>
              </tr>
            </thead>
            <tbody>
              {rules.indicators.map((ind) => {
                const r = current.byIndicator[ind.id];
                if (!r || !r.applicable) return null;
                const trend = allYears.flatMap((y) => {
                  const v = y.byIndicator[ind.id]?.value;
                  return v === undefined ? [] : [{ year: y.school.year, value: v }];
                });
                const notes = [
                  mixedYearNote(ind, s),
                  illustrativeNote(ind, s.year, dataset.sources),
                ].filter((n): n is string => !!n);
                return (
                  <IndicatorRow
                    key={ind.id}
                    ind={ind}
                    rating={r}
                    distribution={view.distributions[ind.id]?.[comparisonKeyOf(s, ind)] ?? []}
                    trend={trend}
                    years={years}
                    partnership={partnership?.byIndicator[ind.id]}
                    authority={authority?.byIndicator[ind.id]}
                    notes={notes}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <DistributionTable
        current={current}
        indicators={rules.indicators}
        distributions={view.distributions}
      />
      {notApplicable.length > 0 && (
        <p className="muted">
          Not applicable to {s.phase} schools: {notApplicable.map((i) => i.label).join(', ')}.
        </p>
      )}
      <section aria-labelledby="sim-h">
        <h2 id="sim-h">Similar schools</h2>
        <p className="muted">Same phase, nearest on deprivation (FSM %) and size.</p>
        {similar.length === 0 ? (
          <p>No similar schools with deprivation or size data.</p>
        ) : (
          <table>
            <caption>Similar schools in {s.year}</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">FSM %</th>
                <th scope="col">Pupils</th>
                <th scope="col">Overall</th>
              </tr>
            </thead>
            <tbody>
              {similar.map((x) => {
                const r = ratingOf(x);
                return (
                  <tr key={x.urn}>
                    <th scope="row">
                      <a href={linkFor(x.urn)}>{x.name}</a>{' '}
                      <span className="muted">{x.laName}</span>
                    </th>
                    <td className="num">
                      {x.values.fsm_pct !== undefined ? formatValue(x.values.fsm_pct, '%', 1) : '—'}
                    </td>
                    <td className="num">{x.values.pupils ?? '—'}</td>
                    <td>{r && <RagBadge rating={r.overall.rating} compact />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {s.notes?.length ? (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">Notes on the data</h2>
          <ul>
            {s.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
