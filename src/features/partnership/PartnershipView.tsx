/** One partnership: its schools on every indicator, and its figures beside the authority's. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { englandQueryOptions } from '../../api/benchmarks';
import { EnglandMedians } from '../../components/EnglandMedians';
import { RATING_CODE } from '../../domain/engine/codes';
import { PHASES, type Phase } from '../../domain/types';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { MixBar } from '../../components/MixBar';
import { RagBadge } from '../../components/RagBadge';
import { aggregateText } from '../../domain/group-cell';
import { overallReasonBody } from '../../domain/overall';
import { ShowMore } from '../../components/ShowMore';
import { explainGroup, explainGroupIndicator } from '../../domain/engine/explain-group';
import {
  findGroup,
  groupMembers,
  groupsOfLevel,
  indicatorsRatedIn,
} from '../../domain/engine/query';
import { schoolRatingsAt } from '../../domain/rate-dataset';
import { textAt } from '../../domain/table/school-table';
import type { GroupSummary } from '../../domain/rated-view';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { SchoolsTable } from './SchoolsTable';

export function PartnershipView({ d }: { d: Dashboard }) {
  const england = useQuery(englandQueryOptions());
  const tr = d.ratings.data;
  const gt = d.rollups.data;
  const rules = d.rules.data;
  const params = d.vs.params;
  const linkFor = useCallback(
    (urn: string) => {
      const p = new URLSearchParams(params);
      p.set('urn', urn);
      return hashFor('school', p);
    },
    [params],
  );
  const chosenIndex = gt ? findGroup(gt, 'partnership', params.get('p') ?? '') : -1;
  const rows = useMemo(
    () => (gt && chosenIndex >= 0 ? Array.from(groupMembers(gt, chosenIndex)) : []),
    [gt, chosenIndex],
  );
  if (!tr || !gt || !rules) return null;
  const t = tr.table;
  if (chosenIndex < 0) {
    return (
      <>
        <h1>Partnerships, {d.filter.year}</h1>
        <p>Choose a partnership to see its schools.</p>
        <ShowMore
          items={groupsOfLevel(gt, 'partnership')}
          noun="partnerships"
          render={(visible) => (
            <ul className="link-list">
              {visible.map((g) => {
                const p = new URLSearchParams(params);
                p.set('p', gt.id[g] as string);
                const overall = explainGroupIndicator(gt, g, gt.width - 1);
                return (
                  <li key={g}>
                    <a href={hashFor('partnership', p)}>{gt.name[g]}</a>{' '}
                    <RagBadge rating={overall.rating} compact /> <MixBar counts={overall.counts} />
                  </li>
                );
              })}
            </ul>
          )}
        />
      </>
    );
  }
  const chosen = explainGroup(gt, chosenIndex);
  const laCode = rows[0] === undefined ? '' : textAt(t.laCode, rows[0]);
  const authorityIndex = findGroup(gt, 'authority', laCode, chosen.year);
  const authority: GroupSummary | undefined =
    authorityIndex >= 0 ? explainGroup(gt, authorityIndex) : undefined;
  // Indicators no school here is rated on (KS4 in a primary-only partnership) are named, not
  // shown as columns of "No data".
  const { shown: indicators, hidden } = indicatorsRatedIn(tr, rules.indicators, rows);
  // The phases of the schools each indicator rates here: England's figure is per phase.
  const ratedPhases = (id: string): Phase[] => {
    const col = tr.indicators.find((c) => c.ind.id === id);
    const seen = new Set<number>();
    if (col) for (const r of rows) if (col.rating[r] !== RATING_CODE.none) seen.add(t.phase[r]!);
    return PHASES.filter((_, p) => seen.has(p));
  };
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
                      phases={ratedPhases(ind.id)}
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
          rows={() => [
            [
              'urn',
              'name',
              'phase',
              'year',
              'overall',
              ...indicators.flatMap((i) => [`${i.id}_value`, `${i.id}_rating`, `${i.id}_reason`]),
            ],
            ...rows.map((row) => {
              const sr = schoolRatingsAt(tr, row);
              return [
                sr.school.urn,
                sr.school.name,
                sr.school.phase,
                sr.school.year,
                RATING_LABEL[sr.overall.rating],
                ...indicators.flatMap((i) => {
                  const r = sr.byIndicator[i.id];
                  return [r?.value, r ? RATING_LABEL[r.rating] : '', r?.reason];
                }),
              ];
            }),
          ]}
        />
        <SchoolsTable
          ratings={tr}
          rows={rows}
          indicators={indicators}
          linkFor={linkFor}
          caption={`Schools of ${chosen.name} on every indicator, ${d.filter.year}`}
        />
      </section>
    </>
  );
}
