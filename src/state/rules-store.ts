/**
 * Rule sets the user edits and saves, persisted in this browser (zustand persist) with a schema
 * version and migrations. Every stored set is validated when read back: a corrupted or
 * unreadable stored state is reported and the last good copy is used; nothing breaks the app.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { RuleSet } from '../domain/rules/schema';
import { validateRuleSet } from '../domain/rules/validate';

export interface SavedRuleSet {
  id: string;
  name: string;
  /** Increases by one on every save. */
  version: number;
  /** ISO date-time of the last save. */
  savedAt: string;
  rules: RuleSet;
}

export interface RulesState {
  sets: SavedRuleSet[];
  /** The set the dashboard uses; null means the shipped Essex-style preset. */
  activeId: string | null;
  /** Edits not yet saved, and what they started from (a set id, or null for the preset). */
  draft: RuleSet | null;
  draftOf: string | null;
  /** What went wrong reading the stored state, shown to the user; not persisted. */
  storageProblem: string | null;
  setDraft: (rules: RuleSet | null, of?: string | null) => void;
  /** Saves the draft over its set (new version), or as a new set; returns the set id. */
  saveDraft: (name?: string) => string | undefined;
  saveAsNew: (name: string, rules: RuleSet) => string;
  rename: (id: string, name: string) => void;
  remove: (id: string) => void;
  activate: (id: string | null) => void;
  dismissProblem: () => void;
}

export const STORAGE_KEY = 'school-rag:rules';
export const LAST_GOOD_KEY = 'school-rag:rules:last-good';
export const STORE_VERSION = 2;

const now = () => new Date().toISOString();
const newId = () =>
  `set-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

let problem: string | null = null;

/**
 * localStorage with a safety net: unreadable JSON falls back to the last copy that read back
 * well; every successful write is kept as that copy.
 */
const guardedStorage: StateStorage = {
  getItem(name) {
    const raw = localStorage.getItem(name);
    if (raw === null) return null;
    try {
      JSON.parse(raw);
      return raw;
    } catch {
      problem =
        'Your saved rule sets could not be read (the stored data is damaged). The last good copy has been restored.';
      return localStorage.getItem(LAST_GOOD_KEY);
    }
  },
  setItem(name, value) {
    localStorage.setItem(name, value);
    localStorage.setItem(LAST_GOOD_KEY, value);
  },
  removeItem(name) {
    localStorage.removeItem(name);
  },
};

type Persisted = Pick<RulesState, 'sets' | 'activeId' | 'draft' | 'draftOf'>;

/** Version 1 kept sets by name with no versions: { ruleSets: { [name]: RuleSet }, active }. */
export function migrate(state: unknown, fromVersion: number): Persisted {
  if (fromVersion === 1) {
    const v1 = state as { ruleSets?: Record<string, RuleSet>; active?: string | null };
    const sets = Object.entries(v1.ruleSets ?? {}).map(([name, rules], i) => ({
      id: `set-v1-${i}`,
      name,
      version: 1,
      savedAt: now(),
      rules,
    }));
    return {
      sets,
      activeId: sets.find((s) => s.name === v1.active)?.id ?? null,
      draft: null,
      draftOf: null,
    };
  }
  return state as Persisted;
}

/** Drops stored sets that are not valid rule sets any more, saying which and why. */
export function sanitise(p: Partial<Persisted> | undefined): {
  state: Persisted;
  problems: string[];
} {
  const problems: string[] = [];
  const sets: SavedRuleSet[] = [];
  for (const s of Array.isArray(p?.sets) ? p.sets : []) {
    const v = validateRuleSet(s?.rules);
    if (v.ok && typeof s.id === 'string' && typeof s.name === 'string')
      sets.push({ ...s, rules: v.rules });
    else
      problems.push(
        `The saved rule set "${String(s?.name ?? '?')}" is not valid any more and was set aside${v.ok ? '' : `: ${v.issues[0]?.path}: ${v.issues[0]?.message}`}.`,
      );
  }
  // A draft may be invalid (mid-edit) but must at least have the shape the editor walks.
  const draft =
    p?.draft && typeof p.draft === 'object' && Array.isArray(p.draft.indicators) ? p.draft : null;
  if (p?.draft && !draft) problems.push('An unsaved draft could not be read and was discarded.');
  const activeId = sets.some((s) => s.id === p?.activeId) ? (p?.activeId as string) : null;
  return { state: { sets, activeId, draft, draftOf: p?.draftOf ?? null }, problems };
}

export const useRulesStore = create<RulesState>()(
  persist(
    (set, get) => ({
      sets: [],
      activeId: null,
      draft: null,
      draftOf: null,
      storageProblem: null,
      setDraft: (rules, of) => set({ draft: rules, ...(of !== undefined ? { draftOf: of } : {}) }),
      saveDraft: (name) => {
        const { draft, draftOf, sets } = get();
        if (!draft) return undefined;
        const existing = sets.find((s) => s.id === draftOf);
        if (existing) {
          const updated = {
            ...existing,
            version: existing.version + 1,
            savedAt: now(),
            rules: { ...draft, version: existing.version + 1 },
          };
          set({
            sets: sets.map((s) => (s.id === existing.id ? updated : s)),
            draft: null,
            activeId: existing.id,
          });
          return existing.id;
        }
        const id = get().saveAsNew(name ?? `${draft.name} (edited)`, draft);
        set({ draft: null });
        return id;
      },
      saveAsNew: (name, rules) => {
        const id = newId();
        set({
          sets: [
            ...get().sets,
            { id, name, version: 1, savedAt: now(), rules: { ...rules, name, version: 1 } },
          ],
          activeId: id,
          draftOf: id,
        });
        return id;
      },
      rename: (id, name) =>
        set({
          sets: get().sets.map((s) =>
            s.id === id ? { ...s, name, rules: { ...s.rules, name } } : s,
          ),
        }),
      remove: (id) =>
        set({
          sets: get().sets.filter((s) => s.id !== id),
          activeId: get().activeId === id ? null : get().activeId,
        }),
      activate: (id) => set({ activeId: id, draft: null, draftOf: id }),
      dismissProblem: () => set({ storageProblem: null }),
    }),
    {
      name: STORAGE_KEY,
      version: STORE_VERSION,
      storage: createJSONStorage(() => guardedStorage),
      partialize: (s): Persisted => ({
        sets: s.sets,
        activeId: s.activeId,
        draft: s.draft,
        draftOf: s.draftOf,
      }),
      migrate: (state, version) => migrate(state, version),
      merge: (persisted, current) => {
        const { state, problems } = sanitise(persisted as Partial<Persisted>);
        const all = [...(problem ? [problem] : []), ...problems];
        problem = null;
        return { ...current, ...state, storageProblem: all.length ? all.join(' ') : null };
      },
    },
  ),
);

/** The active saved set, or undefined for the preset. */
export function activeSet(s: Pick<RulesState, 'sets' | 'activeId'>): SavedRuleSet | undefined {
  return s.sets.find((x) => x.id === s.activeId);
}
