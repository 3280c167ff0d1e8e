/**
 * What the user is looking at lives in the URL hash (#/school?urn=115851&year=2018/19), so any
 * view is a shareable link, and the hash works from any sub-path with no server routing.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const VIEWS = ['authority', 'partnership', 'school', 'map', 'rules', 'data'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  view: View;
  params: URLSearchParams;
}

export function parseHash(hash: string): ViewState {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : 'authority';
  return { view, params: new URLSearchParams(query) };
}

export function hashFor(
  view: View,
  params: Record<string, string | undefined> | URLSearchParams,
): string {
  const p = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams();
  if (!(params instanceof URLSearchParams))
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, v);
  const q = p.toString();
  return `#/${view}${q ? `?${q}` : ''}`;
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useViewState(): ViewState & {
  go: (view: View, changes?: Record<string, string | undefined>) => void;
  set: (changes: Record<string, string | undefined>) => void;
} {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  const state = parseHash(hash);
  const go = useCallback((view: View, changes: Record<string, string | undefined> = {}) => {
    const p = parseHash(window.location.hash).params;
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, v);
    }
    window.location.hash = hashFor(view, p);
  }, []);
  const set = useCallback(
    (changes: Record<string, string | undefined>) =>
      go(parseHash(window.location.hash).view, changes),
    [go],
  );
  return { ...state, go, set };
}
