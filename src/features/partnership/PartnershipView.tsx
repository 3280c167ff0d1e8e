/** One partnership: its schools on every indicator, and its figures beside the authority's. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { englandQueryOptions } from '../../api/benchmarks';
import { partnershipQueryOptions, schoolsCsv } from '../../api/partnership';
import { EnglandMedians } from '../../components/EnglandMedians';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { ErrorMessage, Loading } from '../../components/Loading';
import { MixBar } from '../../components/MixBar';
import { RagBadge } from '../../components/RagBadge';
import { ShowMore } from '../../components/ShowMore';
import { countsAt } from '../../domain/engine/rollup-table';
import { groupOverall, groupsOfLevel } from '../../domain/engine/query';
import { aggregateText } from '../../domain/group-cell';
import { overallReasonBody } from '../../domain/overall';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { SchoolsTable } from './SchoolsTable';

export function PartnershipView({ d }: { d: Dashboard }) {
  const england = useQuery(englandQueryOptions());
  const gt = d.rollups.data;
  const rules = d.rules.data;
  const loaded = d.data.data;
  const params = d.vs.params;
  const id = params.get('p') ?? '';
  const detail = useQuery(partnershipQueryOptions(d.ratings.data, loaded, rules, d.filter, id));
  const linkFor = useCallback(
    (urn: string) => {
      const p = new URLSearchParams(params);
      p.set('urn', urn);
      return hashFor('school', p);
    },
    [params],
  );
  if (!gt || !rules || !loaded) return null;
  if (!id || detail.data === null) {
    return (
      <>
        <h1>Partnerships, {d.filter.year}</h1>
        {id && <p role="alert">No partnership {id} under these filters.</p>}
        <p>Choose a partnership to see its schools.</p>
        <ShowMore
          items={groupsOfLevel(gt, 'partnership')}
          noun="partnerships"
          render={(visible) => (
            <ul className="link-list">
              {visible.map((g) => {
                const p = new URLSearchParams(params);
                p.set('p', gt.id[g] as string);
                return (
                  <li key={g}>
                    <a href={hashFor('partnership', p)}>{gt.name[g]}</a>{' '}
                    <RagBadge rating={groupOverall(gt, g)} compact />{' '}
                    <MixBar counts={countsAt(gt.counts, g * gt.width + gt.width - 1)} />
                  </li>
                );
              })}
            </ul>
          )}
        />
      </>
    );
  }
  if (detail.isError)
    return (
      <ErrorMessage
        title={`The partnership ${id} could not be shown`}
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  if (!detail.data) return <Loading what={`the partnership ${id}`} />;
  const { group: chosen, authority, schools, ratedPhases, shown, hidden: none } = detail.data;
  const rows = schools.rows;
  // Indicators no school here is rated on (KS4 in a primary-only partnership) are named, not
  // shown as columns of "No data".
  const indicators = rules.indicators.filter((i) => shown.includes(i.id));
  const hidden = rules.indicators.filter((i) => none.includes(i.id));
  return (
    <>
      <p className="breadcrumb">
        <a
          href={hashFor(
            'authority',
            (() => {
              const p = new URLSearchParams(params);
              p.delete('p');
              return p;
            })(),
          )}
        >
          Authority
        </a>{' '}
        › Partnership
      </p>
      <h1>
        {chosen.name}, {d.filter.year}
      </h1>
      <p>
        {rows.length} schools. Overall: <RagBadge rating={chosen.overall.rating} />{' '}
        <span className="muted">{overallReasonBody(chosen.overall.reason)}</span>
      </p>
      {hidden.length > 0 && (
        <p className="muted">
          Not shown, because no school here is rated on them:{' '}
          {hidden.map((i) => i.label).join(', ')}.
        </p>
      )}
      <section aria-labelledby="agg-h">
        <h2 id="agg-h">This partnership beside {authority?.name ?? 'the authority'}</h2>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Partnership and authority figures"
        >
          <table>
            <caption>
              Aggregate value, rating and mix of schools for each indicator, and the England median
              of schools of the same phase
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">{chosen.name}</th>
                <th scope="col">{authority?.name ?? 'Authority'}</th>
                <th scope="col">England, {chosen.year}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((ind) => (
                <tr key={ind.id}>
                  <th scope="row">{ind.label}</th>
                  {[chosen, authority].map((g, i) => {
                    const r = g?.byIndicator[ind.id];
                    return (
                      <td key={i} title={r?.reason}>
                        {r ? (
                          <>
                            <RagBadge rating={r.rating} compact />{' '}
                            {r.aggregate !== undefined
                              ? aggregateText(ind, r.aggregate)
                              : 'no value'}{' '}
                            <MixBar counts={r.counts} />
                            <span className="cell-reason">
                              {r.reason.replace(`${ind.label}: `, '')}
                            </span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <EnglandMedians
                      england={england.data}
                      failed={england.isError}
                      ind={ind}
                      phases={ratedPhases[ind.id] ?? []}
                      year={chosen.year}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="schools-h">
        <h2 id="schools-h">Schools</h2>
        <ExportCsvButton
          filename={`${chosen.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${d.filter.year.replace('/', '-')}.csv`}
          rows={async () => ({
            csv: await schoolsCsv(
              loaded,
              rules,
              rows,
              indicators.map((i) => i.id),
            ),
            count: rows.length,
          })}
        />
        <SchoolsTable
          key={`${chosen.id}|${chosen.year}`}
          data={loaded}
          rules={rules}
          schools={schools}
          indicators={indicators}
          linkFor={linkFor}
          caption={`Schools of ${chosen.name} on every indicator, ${d.filter.year}`}
        />
      </section>
    </>
  );
}
