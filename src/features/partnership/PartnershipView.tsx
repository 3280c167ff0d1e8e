/** One partnership: its schools on every indicator, and its figures beside the authority's. */
import { useCallback } from 'react';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { MixBar } from '../../components/MixBar';
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { overallReasonBody } from '../../domain/overall';
import type { SchoolRatings } from '../../domain/rate-dataset';
import type { GroupSummary } from '../../domain/rated-view';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { SchoolsTable } from './SchoolsTable';

export function PartnershipView({ d }: { d: Dashboard }) {
  const view = d.ratings.data;
  const groups = d.rollups.data;
  const rules = d.rules.data;
  const params = d.vs.params;
  const linkFor = useCallback(
    (s: SchoolRatings) => {
      const p = new URLSearchParams(params);
      p.set('urn', s.school.urn);
      return hashFor('school', p);
    },
    [params],
  );
  if (!view || !groups || !rules) return null;
  const partnerships = groups.filter((g) => g.level === 'partnership');
  const chosen = partnerships.find((g) => g.id === params.get('p'));
  if (!chosen) {
    return (
      <>
        <h1>Partnerships, {d.filter.year}</h1>
        <p>Choose a partnership to see its schools.</p>
        <ul className="link-list">
          {partnerships.map((g) => {
            const p = new URLSearchParams(params);
            p.set('p', g.id);
            return (
              <li key={g.id}>
                <a href={hashFor('partnership', p)}>{g.name}</a>{' '}
                <RagBadge rating={g.overall.rating} compact /> <MixBar counts={g.overall.counts} />
              </li>
            );
          })}
        </ul>
      </>
    );
  }
  const schools = chosen.members.map((i) => view.schools[i] as SchoolRatings);
  const authority: GroupSummary | undefined = groups.find(
    (g) => g.level === 'authority' && g.id === schools[0]?.school.laCode,
  );
  const indicators = rules.indicators;
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
        {schools.length} schools. Overall: <RagBadge rating={chosen.overall.rating} />{' '}
        <span className="muted">{overallReasonBody(chosen.overall.reason)}</span>
      </p>
      <section aria-labelledby="agg-h">
        <h2 id="agg-h">This partnership beside {authority?.name ?? 'the authority'}</h2>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Partnership and authority figures"
        >
          <table>
            <caption>Aggregate value, rating and mix of schools for each indicator</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">{chosen.name}</th>
                <th scope="col">{authority?.name ?? 'Authority'}</th>
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
                              ? formatValue(r.aggregate, ind.unit, ind.decimals)
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
            ...schools.map((s) => [
              s.school.urn,
              s.school.name,
              s.school.phase,
              s.school.year,
              RATING_LABEL[s.overall.rating],
              ...indicators.flatMap((i) => {
                const r = s.byIndicator[i.id];
                return [r?.value, r ? RATING_LABEL[r.rating] : '', r?.reason];
              }),
            ]),
          ]}
        />
        <SchoolsTable
          schools={schools}
          indicators={indicators}
          linkFor={linkFor}
          caption={`Schools of ${chosen.name} on every indicator, ${d.filter.year}`}
        />
      </section>
    </>
  );
}
