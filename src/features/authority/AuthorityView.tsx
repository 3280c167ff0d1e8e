/** The board's screen: headline counts, partnerships side by side, schools causing concern. */
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { RagBadge } from '../../components/RagBadge';
import { ShowMore } from '../../components/ShowMore';
import { RATING_LABEL, RATING_ORDER } from '../../domain/rating';
import type { SchoolRatings } from '../../domain/rate-dataset';
import { previousOf, yearsBySchool } from '../../domain/year-on-year';
import { matchesFilter, type GroupSummary } from '../../domain/rated-view';
import { RATINGS } from '../../domain/types';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { GroupHeatmap } from './GroupHeatmap';

/** Red groups first, then amber, green, no data; by name within. */
function sortWorstFirst(groups: readonly GroupSummary[]): GroupSummary[] {
  return [...groups].sort(
    (a, b) =>
      RATING_ORDER[a.overall.rating] - RATING_ORDER[b.overall.rating] ||
      a.name.localeCompare(b.name),
  );
}

/** "New" when a school was not causing concern in its previous year with data, else "also red". */
function PreviousOverall({ previous }: { previous: SchoolRatings | undefined }) {
  if (!previous) return <span className="tag">no earlier year</span>;
  const r = previous.overall.rating;
  if (r === 'none') return <span className="tag">not rated in {previous.school.year}</span>;

  return (
    <span className={r === 'red' ? 'tag tag-persisting' : 'tag tag-new'}>
      {r === 'red'
        ? `also causing concern in ${previous.school.year}`
        : `new: ${RATING_LABEL[r].toLowerCase()} in ${previous.school.year}`}
    </span>
  );
}

const HEADLINE: Record<string, string> = {
  red: 'Causing concern',
  amber: 'Amber',
  green: 'Green',
  none: 'No data',
};

export function AuthorityView({ d }: { d: Dashboard }) {
  const view = d.ratings.data;
  const groups = d.rollups.data;
  const rules = d.rules.data;
  if (!view || !groups || !rules) return null;
  const schools = view.schools.filter((s) => matchesFilter(s.school, d.filter));
  const counts = Object.fromEntries(
    RATINGS.map((r) => [r, schools.filter((s) => s.overall.rating === r).length]),
  );
  const authorities = groups.filter((g) => g.level === 'authority');
  const partnerships = groups.filter((g) => g.level === 'partnership');
  const concern = schools
    .filter((s) => s.overall.rating === 'red')
    .sort((a, b) => a.school.name.localeCompare(b.school.name));
  // A board asks whether a concern is new or persisting: last year's overall beside this year's.
  const byUrn = yearsBySchool(view.schools);
  const before = new Map(concern.map((s) => [s, previousOf(s, byUrn)]));
  const lastYear = (s: SchoolRatings) => {
    const p = before.get(s);
    return p ? `${p.school.year}: ${RATING_LABEL[p.overall.rating].toLowerCase()}` : '';
  };
  // Indicators no school in view has data for (e.g. KS4 in a primary-only dataset) are listed, not shown as empty columns.
  const shown = rules.indicators.filter((i) =>
    schools.some((s) => s.byIndicator[i.id]?.rating !== 'none'),
  );
  const hidden = rules.indicators.filter((i) => !shown.includes(i));
  const area = d.filter.laCode
    ? (authorities[0]?.name ?? d.filter.laCode)
    : authorities.map((a) => a.name).join(' and ');
  const keep = new URLSearchParams(d.vs.params);
  keep.delete('p');
  keep.delete('urn');
  return (
    <>
      <h1>
        {area || 'All schools'}, {d.filter.year}
        {d.filter.phase ? `, ${d.filter.phase} schools` : ''}
      </h1>
      <section aria-labelledby="headline-h">
        <h2 id="headline-h">Schools by overall rating</h2>
        <ul className="headline" aria-label="Schools by overall rating">
          {RATINGS.map((r) => (
            <li key={r} className={`headline-${r}`}>
              <span className="headline-count">{counts[r]}</span>
              <RagBadge rating={r} label={HEADLINE[r] as string} />
            </li>
          ))}
        </ul>
        <p className="hint">
          Overall is red (causing concern) at {rules.overall.redWhenRedCount} or more red
          performance indicators, amber at {rules.overall.amberWhenRedCount} red or{' '}
          {rules.overall.amberWhenAmberCount}+ amber. Context indicators (deprivation, size, surplus
          places, condition, popularity) never count.
        </p>
      </section>
      <section aria-labelledby="heat-h">
        <h2 id="heat-h">Partnerships and indicators</h2>
        {hidden.length > 0 && (
          <p className="muted">
            Not shown, because no school here has data for them:{' '}
            {hidden.map((i) => i.label).join(', ')}.
          </p>
        )}
        {/* Worst first; a page at a time so a national dataset (~3,000 groups) stays light. */}
        <ShowMore
          items={[...authorities, ...sortWorstFirst(partnerships)]}
          noun="groups"
          render={(groups) => (
            <GroupHeatmap
              groups={groups}
              indicators={shown}
              caption={`Group ratings, ${d.filter.year}: each cell shows the rating and the count of red·amber·green (no data) schools`}
              linkParams={keep}
            />
          )}
        />
      </section>
      <section aria-labelledby="concern-h">
        <h2 id="concern-h">Schools causing concern ({concern.length})</h2>
        {concern.length === 0 ? (
          <p>No school is causing concern under these filters.</p>
        ) : (
          <>
            <ExportCsvButton
              filename={`causing-concern-${d.filter.year.replace('/', '-')}.csv`}
              rows={() => [
                ['urn', 'name', 'partnership', 'phase', 'reason', 'previous_overall'],
                ...concern.map((s) => [
                  s.school.urn,
                  s.school.name,
                  s.school.partnership,
                  s.school.phase,
                  s.overall.reason,
                  lastYear(s),
                ]),
              ]}
            />
            <ShowMore
              items={concern}
              noun="schools"
              render={(visible) => (
                <ul className="concern-list">
                  {visible.map((s) => {
                    const reds = rules.indicators.filter(
                      (i) => i.kind === 'performance' && s.byIndicator[i.id]?.rating === 'red',
                    );
                    const p = new URLSearchParams(keep);
                    p.set('urn', s.school.urn);
                    return (
                      <li key={s.school.urn}>
                        <a href={hashFor('school', p)}>{s.school.name}</a>{' '}
                        <span className="muted">({s.school.partnership || 'no partnership'})</span>{' '}
                        <PreviousOverall previous={before.get(s)} />
                        <ul>
                          {reds.map((i) => (
                            <li key={i.id}>{s.byIndicator[i.id]?.reason}</li>
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              )}
            />
          </>
        )}
      </section>
    </>
  );
}
