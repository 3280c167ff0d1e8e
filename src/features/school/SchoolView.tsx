/**
 * A school improvement partner's visit brief and a head teacher's own page: every indicator
 * with why, where the school sits among its peers, how it moved, its partnership and authority,
 * and similar schools. Prints as a one-to-two page brief.
 */
import { useQuery } from '@tanstack/react-query';
import { englandQueryOptions } from '../../api/benchmarks';
import { RagBadge } from '../../components/RagBadge';
import { englandFigure } from '../../domain/benchmarks';
import { ofstedText, precisionNote } from '../../domain/columns';
import {
  definitionChange,
  definitionNote,
  illustrativeNote,
  mixedYearNote,
} from '../../domain/mixed-years';
import { overallReasonBody } from '../../domain/overall';
import type { SchoolRatings } from '../../domain/rate-dataset';
import { schoolDetailQueryOptions } from '../../api/school';
import { ErrorMessage, Loading } from '../../components/Loading';
import { SimilarSchools } from './SimilarSchools';
import { RATINGS } from '../../domain/types';
import { hashFor } from '../../state/url-state';
import { PrintMeta } from '../layout/PrintMeta';
import type { Dashboard } from '../use-dashboard';
import { IndicatorRow } from './IndicatorRow';
import { SchoolFinder } from './SchoolFinder';
import { DistributionTable } from './DistributionTable';
import { WhatMoved } from './WhatMoved';
import { previousOf, yearOnYear, yearsBySchool } from '../../domain/year-on-year';

import { formatValue } from '../../domain/format';

export function SchoolView({ d }: { d: Dashboard }) {
  // England figures are optional: without them each row says why there is none.
  const england = useQuery(englandQueryOptions());
  const rules = d.rules.data;
  const loaded = d.data.data;
  const params = d.vs.params;
  const urn = params.get('urn') ?? undefined;
  const detail = useQuery(schoolDetailQueryOptions(d.ratings.data, loaded, rules, d.filter, urn));
  if (!rules || !loaded) return null;
  const linkFor = (urn: string) => {
    const p = new URLSearchParams(params);
    p.set('urn', urn);
    return hashFor('school', p);
  };
  // Links up to the school's partnership and authority, keeping the filters.
  const upTo = (view: 'authority' | 'partnership', set: Record<string, string>) => {
    const p = new URLSearchParams(params);
    p.delete('urn');
    for (const [k, v] of Object.entries(set)) p.set(k, v);
    return hashFor(view, p);
  };
  const finder = <SchoolFinder data={loaded} linkFor={linkFor} />;
  if (!urn || !detail.data) {
    return (
      <>
        <h1>Schools</h1>
        {urn && detail.isError && (
          <ErrorMessage
            title={`The school with URN ${urn} could not be shown`}
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        )}
        {urn && detail.data === null && (
          <p role="alert">No school with URN {urn} in this dataset.</p>
        )}
        {urn && detail.isPending && <Loading what={`the school with URN ${urn}`} />}
        {finder}
      </>
    );
  }
  // One school's years, explained in full by the data worker: a few rows, not the dataset.
  const shown = detail.data;
  const { years: allYears, partnershipName, partnership, authority } = shown;
  const current = allYears[shown.current] as SchoolRatings;
  const s = current.school;
  const years = d.options.years;
  const previous = previousOf(current, yearsBySchool(allYears));
  const notApplicable = rules.indicators.filter(
    (i) => current.byIndicator[i.id]?.applicable === false,
  );
  // Each comparison group's values, ascending (a national group is 16,779 values; the strip
  // and its table twin both show them).
  const distributionOf = (id: string): ArrayLike<number> => shown.distributions[id] ?? [];
  return (
    <article className="school" aria-busy={detail.isPlaceholderData}>
      <div className="no-print">{finder}</div>
      <header>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <a href={upTo('authority', { la: s.laCode })}>{s.laName || s.laCode}</a> ›{' '}
          <a href={upTo('partnership', { p: partnershipName })}>{partnershipName}</a> › {s.name}
        </nav>
        <h1>{s.name}</h1>
        <PrintMeta d={d} year={s.year} />
        <p>
          URN {s.urn} · {s.phase} · {s.laName} ({s.laCode}) · {partnershipName} · {s.year}
          {s.values.pupils !== undefined ? ` · ${formatValue(s.values.pupils, 'pupils')}` : ''}
          {ofstedText(s.values) ? ` · ${ofstedText(s.values)}` : ''}
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
          change={yearOnYear(previous, current, rules.indicators, rules.overall, (id) => {
            const ind = rules.indicators.find((i) => i.id === id);
            return ind
              ? definitionChange(ind, previous.school.year, s.year, loaded.sources)
              : undefined;
          })}
          indicators={rules.indicators}
        />
      )}
      <section aria-labelledby="ind-h">
        <h2 id="ind-h">Every indicator</h2>
        {england.isError && (
          <p role="alert" className="warning-text">
            England figures could not be loaded (
            {england.error instanceof Error ? england.error.message : String(england.error)}): the
            England column is empty.{' '}
            <button type="button" onClick={() => void england.refetch()}>
              Try again
            </button>
          </p>
        )}
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
              and authority figures; the England median and quartiles
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Value</th>
                <th scope="col">Rating</th>
                <th scope="col">Why</th>
                <th scope="col" className="position">
                  Among similar-phase schools
                </th>
                <th scope="col">Trend</th>
                <th scope="col">{partnershipName}</th>
                <th scope="col">{s.laName || 'Authority'}</th>
                <th scope="col" className="england">
                  England
                </th>
              </tr>
            </thead>
            <tbody>
              {/* Performance first (where the reds that make "causing concern" are), context
                  after; within each, reds first, then amber, green and no data (rule order
                  otherwise), so the brief opens with what a visit is about. */}
              {(['performance', 'context'] as const)
                .flatMap((kind) =>
                  rules.indicators
                    .filter((i) => (kind === 'performance') === (i.kind === 'performance'))
                    .map((ind, order) => ({ ind, order }))
                    .sort(
                      (a, b) =>
                        RATINGS.indexOf(current.byIndicator[a.ind.id]?.rating ?? 'none') -
                          RATINGS.indexOf(current.byIndicator[b.ind.id]?.rating ?? 'none') ||
                        a.order - b.order,
                    ),
                )
                .map(({ ind }) => {
                  const r = current.byIndicator[ind.id];
                  if (!r || !r.applicable) return null;
                  // The trend joins only values of this year's definition; the others are said.
                  const otherDefinition: string[] = [];
                  const trend = allYears.flatMap((y) => {
                    const v = y.byIndicator[ind.id]?.value;
                    if (v === undefined) return [];
                    if (definitionChange(ind, y.school.year, s.year, loaded.sources)) {
                      otherDefinition.push(y.school.year);
                      return [];
                    }
                    return [{ year: y.school.year, value: v }];
                  });
                  const notes = [
                    precisionNote(ind.column, s.values),
                    mixedYearNote(ind, s),
                    illustrativeNote(ind, s.year, loaded.sources),
                    definitionNote(ind, s.year, loaded.sources),
                    otherDefinition.length
                      ? `The trend leaves out ${otherDefinition.join(', ')}: values of another definition.`
                      : undefined,
                  ].filter((n): n is string => !!n);
                  return (
                    <IndicatorRow
                      key={ind.id}
                      ind={ind}
                      rating={r}
                      distribution={distributionOf(ind.id)}
                      trend={trend}
                      years={years}
                      partnership={partnership?.byIndicator[ind.id]}
                      authority={authority?.byIndicator[ind.id]}
                      england={
                        england.isError
                          ? { ok: false, why: 'England figures could not be loaded' }
                          : englandFigure(england.data, ind.id, s.phase, s.year)
                      }
                      notes={notes}
                      groupLabels={[partnershipName, s.laName || s.laCode]}
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
        distributionOf={distributionOf}
      />
      {notApplicable.length > 0 && (
        <p className="muted">
          Not applicable to {s.phase} schools: {notApplicable.map((i) => i.label).join(', ')}.
        </p>
      )}
      {/* Below the fold, asked of the worker on its own: the school's own figures do not wait
          for the search (a national phase is 16,000 schools to measure against). */}
      <SimilarSchools data={loaded} rules={rules} urn={s.urn} year={s.year} linkFor={linkFor} />
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
