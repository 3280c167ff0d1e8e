/** Routes the hash view to a screen, with loading and error states in words. */
import { ErrorMessage, Loading } from '../components/Loading';
import { AuthorityView } from '../features/authority/AuthorityView';
import { AppShell } from '../features/layout/AppShell';
import { PartnershipView } from '../features/partnership/PartnershipView';
import { SchoolView } from '../features/school/SchoolView';
import { useDashboard, type Dashboard } from '../features/use-dashboard';
import { memo, Suspense, useEffect, useRef, useState } from 'react';
import { focusHeadingSoon } from './focus-heading';
import { lazyView } from './lazy-view';
import { ViewErrorBoundary } from './ViewErrorBoundary';

// Screens a visitor may never open load on demand, keeping the first download small.
const DataView = lazyView(() => import('../features/data/DataView').then((m) => m.DataView));
const MapView = lazyView(() => import('../features/map/MapView').then((m) => m.MapView));
const RulesView = lazyView(() => import('../features/rules/RulesView').then((m) => m.RulesView));

function Screen({ d }: { d: Dashboard }) {
  if (d.vs.view === 'data') return <DataView d={d} />;
  if (d.vs.view === 'rules') return <RulesView d={d} />;
  if (d.data.isError)
    return (
      <ErrorMessage
        title="The data could not be loaded"
        error={d.data.error}
        onRetry={() => void d.data.refetch()}
      />
    );
  // Each failure offers a retry: a fetch on a flaky connection, or a worker that was restarted,
  // usually works the next time.
  if (d.rules.isError)
    return (
      <ErrorMessage
        title="The trigger rules could not be loaded"
        error={d.rules.error}
        onRetry={() => void d.preset.refetch()}
      />
    );
  if (d.ratings.isError)
    return (
      <ErrorMessage
        title="Rating failed"
        error={d.ratings.error}
        onRetry={() => void d.ratings.refetch()}
      />
    );
  if (d.rollups.isError)
    return (
      <ErrorMessage
        title="Roll-up failed"
        error={d.rollups.error}
        onRetry={() => void d.rollups.refetch()}
      />
    );
  if (!d.data.data) return <Loading what="the data" />;
  if (!d.rules.data) return <Loading what="the trigger rules" />;
  if (!d.ratings.data || !d.rollups.data) return <Loading what="ratings" />;
  return <Settled d={d} />;
}

/**
 * While a new filter's roll-up is worked out, the screen as it was stays exactly as it was
 * (the same element, so React does not render it again) with a note; the new screen is
 * rendered once, when its data is there. No view ever mixes old groups with new filters.
 */
function Settled({ d }: { d: Dashboard }) {
  const updating = d.rollups.isPlaceholderData;
  // The dashboard as last shown with its own data (React's "state from the previous render").
  const [shown, setShown] = useState(d);
  if (!updating && shown !== d) setShown(d);
  return (
    <div aria-busy={updating}>
      {updating && (
        <p role="status" className="updating-note">
          Updating for the new filters…
        </p>
      )}
      <SettledView d={updating ? shown : d} />
    </div>
  );
}

// The same dashboard object renders nothing again: the previous screen stays as it was.
const SettledView = memo(function View({ d }: { d: Dashboard }) {
  switch (d.vs.view) {
    case 'authority':
      return <AuthorityView d={d} />;
    case 'partnership':
      return <PartnershipView d={d} />;
    case 'school':
      return <SchoolView d={d} />;
    case 'map':
      return <MapView d={d} />;
    default:
      return null;
  }
});

export function App() {
  const d = useDashboard();
  const view = d.vs.view;
  useEffect(() => {
    document.title = `${view[0]?.toUpperCase()}${view.slice(1)} · School RAG Dashboard`;
  }, [view]);
  // A new screen or a new school or partnership opens at its top, as a new page would (a
  // filter change keeps the place).
  const subject = `${view}|${d.vs.params.get('urn') ?? ''}|${d.vs.params.get('p') ?? ''}`;
  const first = useRef(true);
  useEffect(() => {
    window.scrollTo(0, 0);
    // Focus the new screen's heading (not on the first load, which starts at the top anyway),
    // so a screen reader or keyboard user starts there; the heading may come with its data.
    if (first.current) {
      first.current = false;
      return;
    }
    return focusHeadingSoon();
  }, [subject]);
  return (
    <AppShell d={d}>
      {/* Keyed by view: moving to another screen starts with no error. */}
      <ViewErrorBoundary key={view} what={`the ${view} screen`}>
        <Suspense fallback={<Loading what="this screen" />}>
          <Screen d={d} />
        </Suspense>
      </ViewErrorBoundary>
    </AppShell>
  );
}
