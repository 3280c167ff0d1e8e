/**
 * Rule sets the user edits and saves, persisted in this browser (zustand persist) with a schema
 * version and migrations. Every stored set is validated when read back: a corrupted or
 * unreadable stored state is reported and the last good copy is used; nothing breaks the app.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { RuleSet } from '../domain/rules/schema';
import { RULE_LIMITS, validateRuleSet } from '../domain/rules/validate';

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
let writeFailure: string | null = null;

/** Why the last write to browser storage failed, or null when it worked. */
export const storageWriteFailure = (): string | null => writeFailure;

/** Where unreadable stored data is set aside, so nothing is lost. */
export const DAMAGED_KEY = `${STORAGE_KEY}:damaged`;

const parses = (raw: string | null): raw is string => {
  if (raw === null) return false;
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
};

/**
 * localStorage with a safety net: unreadable JSON falls back to the last copy that read back
 * well (and is kept aside under DAMAGED_KEY); every successful write is kept as that copy; a
 * write that fails (storage full, private mode) leaves the stored copies as they were and says so.
 */
const guardedStorage: StateStorage = {
  getItem(name) {
    const raw = localStorage.getItem(name);
    if (raw === null || parses(raw)) return raw;
    try {
      localStorage.setItem(DAMAGED_KEY, raw);
    } catch {
      // Storage full: the damaged copy stays where it is, under its own key.
    }
    const spare = localStorage.getItem(LAST_GOOD_KEY);
    if (parses(spare)) {
      problem =
        'Your saved rule sets could not be read (the stored data is damaged). The last good copy has been restored; the damaged data is kept aside in this browser.';
      return spare;
    }
    problem =
      'Your saved rule sets could not be read (the stored data is damaged) and there is no good copy to restore: the preset is in use. The damaged data is kept aside in this browser.';
    return null;
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, value);
      writeFailure = null;
    } catch (e) {
      // A DOMException is not always an Error (other realms): read its name and message.
      const { name: kind, message: detail } = (e ?? {}) as { name?: string; message?: string };
      const why = kind === 'QuotaExceededError' ? 'its storage is full' : (detail ?? String(e));
      writeFailure = `Your rule sets could not be saved in this browser (${why}): the copy saved before is unchanged, and changes made since will be lost when this page closes. Free some browser storage, or share the rules as a link to keep them.`;
      // Said on the screen once the store has finished this update (not from inside it).
      const message = writeFailure;
      queueMicrotask(() => {
        if (useRulesStore.getState().storageProblem !== message)
          useRulesStore.setState({ storageProblem: message });
      });
      return;
    }
    try {
      localStorage.setItem(LAST_GOOD_KEY, value);
    } catch {
      // The main copy is written; the spare stays one save older.
    }
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

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const optional = (x: unknown, ok: (y: unknown) => boolean) => x === undefined || ok(x);

function walkableCondition(c: unknown, depth: number): boolean {
  if (!isObject(c) || depth > RULE_LIMITS.conditionDepth) return false;
  for (const k of ['all', 'any'] as const)
    if (k in c && !(Array.isArray(c[k]) && c[k].every((x) => walkableCondition(x, depth + 1))))
      return false;
  return true;
}
const walkableClauses = (l: unknown) =>
  Array.isArray(l) &&
  l.every(
    (c) =>
      isObject(c) &&
      typeof c.rating === 'string' &&
      optional(c.when, (w) => walkableCondition(w, 0)),
  );

/**
 * Whether a stored draft has the shape the rule editor walks (objects, strings and lists where
 * it expects them); its values may still be invalid, as mid-edit they often are.
 */
export function walkable(d: unknown): d is RuleSet {
  return (
    isObject(d) &&
    isObject(d.overall) &&
    Array.isArray(d.indicators) &&
    d.indicators.length <= RULE_LIMITS.indicators &&
    d.indicators.every(
      (i) =>
        isObject(i) &&
        typeof i.id === 'string' &&
        typeof i.label === 'string' &&
        typeof i.kind === 'string' &&
        (i.phases === 'all' ||
          (Array.isArray(i.phases) && i.phases.every((p) => typeof p === 'string'))) &&
        optional(i.clauses, walkableClauses) &&
        optional(i.byPhase, (b) => isObject(b) && Object.values(b).every(walkableClauses)) &&
        isObject(i.rollup) &&
        typeof i.rollup.method === 'string',
    )
  );
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
  const draft = p?.draft && walkable(p.draft) ? p.draft : null;
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
