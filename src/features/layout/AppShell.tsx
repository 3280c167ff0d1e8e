/** Page frame: skip link, header, navigation, filters, live status and the licence footer. */
import type { ReactNode } from 'react';
import { useUiStore } from '../../state/ui-store';
import { hashFor, type View } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { FilterBar } from './FilterBar';

const NAV: [View, string][] = [
  ['authority', 'Authority'],
  ['partnership', 'Partnerships'],
  ['school', 'Schools'],
  ['map', 'Map'],
  ['rules', 'Trigger rules'],

  ['data', 'Your data'],
];

export function AppShell({ d, children }: { d: Dashboard; children: ReactNode }) {
  const status = useUiStore((s) => s.status);
  const keep = new URLSearchParams();
  for (const k of ['source', 'year', 'phase', 'la', 'grouping']) {
    const v = d.vs.params.get(k);
    if (v) keep.set(k, v);
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="brand">
          <strong>School RAG Dashboard</strong>
          <span className="dataset-label">
            {d.data.data?.label ?? ''}
            {d.rules.data
              ? ` · rules: ${d.rules.data.name}${d.active ? ` v${d.active.version}` : ''}`
              : ''}
          </span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([view, label]) => (
              <li key={view}>
                <a
                  href={hashFor(view, keep)}
                  aria-current={d.vs.view === view ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {/* Shown (empty and disabled) while the data loads, so the page below does not jump. */}
      {d.vs.view !== 'data' && d.vs.view !== 'rules' && (
        <FilterBar d={d} disabled={!d.data.isSuccess} />
      )}

      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <footer className="site-footer">
        <p>Your data stays in this browser: nothing you load is sent anywhere.</p>
        <p>
          Contains public sector information licensed under the Open Government Licence v3.0. In the
          demo, building condition values are illustrative and popularity is derived from a rebuilt
          copy of the DfE applications and offers data.
        </p>
      </footer>
    </>
  );
}
