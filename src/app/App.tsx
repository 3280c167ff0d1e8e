/** Routes the hash view to a screen, with loading and error states in words. */
import { ErrorMessage, Loading } from '../components/Loading';
import { AuthorityView } from '../features/authority/AuthorityView';
import { AppShell } from '../features/layout/AppShell';
import { PartnershipView } from '../features/partnership/PartnershipView';
import { SchoolView } from '../features/school/SchoolView';
import { useDashboard, type Dashboard } from '../features/use-dashboard';
import { lazy, Suspense, useEffect } from 'react';

// Screens a visitor may never open load on demand, keeping the first download small.
const DataView = lazy(() =>
  import('../features/data/DataView').then((m) => ({ default: m.DataView })),
);
const MapView = lazy(() => import('../features/map/MapView').then((m) => ({ default: m.MapView })));
const RulesView = lazy(() =>
  import('../features/rules/RulesView').then((m) => ({ default: m.RulesView })),
);

function Screen({ d }: { d: Dashboard }) {
  if (d.vs.view === 'data') return <DataView d={d} />;
  if (d.vs.view === 'rules') return <RulesView d={d} />;
  if (d.data.isError)
    return <ErrorMessage title="The data could not be loaded" error={d.data.error} />;
  if (d.rules.isError)
    return <ErrorMessage title="The trigger rules could not be loaded" error={d.rules.error} />;
  if (d.ratings.isError) return <ErrorMessage title="Rating failed" error={d.ratings.error} />;
  if (d.rollups.isError) return <ErrorMessage title="Roll-up failed" error={d.rollups.error} />;
  if (!d.data.data) return <Loading what="the data" />;
  if (!d.rules.data) return <Loading what="the trigger rules" />;
  if (!d.ratings.data || !d.rollups.data) return <Loading what="ratings" />;
  switch (d.vs.view) {
    case 'authority':
      return <AuthorityView d={d} />;
    case 'partnership':
      return <PartnershipView d={d} />;
    case 'school':
      return <SchoolView d={d} />;
    case 'map':
      return <MapView d={d} />;
  }
}

export function App() {
  const d = useDashboard();
  // Move focus to the new screen's content when the view changes, as a page load would.
  const view = d.vs.view;
  useEffect(() => {
    document.title = `${view[0]?.toUpperCase()}${view.slice(1)} · School RAG Dashboard`;
  }, [view]);
  return (
    <AppShell d={d}>
      <Suspense fallback={<Loading what="this screen" />}>
        <Screen d={d} />
      </Suspense>
    </AppShell>
  );
}
