// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeIndicator } from '../../src/domain/describe-rules';
import { validateRuleSet } from '../../src/domain/rules/validate';
import { resetRulesStore } from '../helpers/rules-store';
import {
  DAMAGED_KEY,
  LAST_GOOD_KEY,
  STORAGE_KEY,
  STORE_VERSION,
  storageWriteFailure,
  useRulesStore,
  walkable,
} from '../../src/state/rules-store';
import { loadPresetJson } from '../helpers/schools';

const preset = loadPresetJson();
/** As a page reload would: the store state comes back from storage alone. */
const reload = async () => {
  await useRulesStore.persist.rehydrate();

  return useRulesStore.getState();
};

describe('saved rule sets', () => {
  beforeEach(resetRulesStore);

  it('persist across a reload, with versions', async () => {
    const s = useRulesStore.getState();
    const id = s.saveAsNew('Consultation draft', preset);
    const edited = structuredClone(preset);
    edited.indicators[4]!.clauses![0]!.when = { op: '>=', value: 20 };
    useRulesStore.getState().setDraft(edited, id);
    useRulesStore.getState().saveDraft();
    const after = await reload();
    expect(after.sets).toHaveLength(1);
    expect(after.sets[0]).toMatchObject({ id, name: 'Consultation draft', version: 2 });
    expect(after.sets[0]!.rules.indicators[4]!.clauses![0]!.when).toEqual({ op: '>=', value: 20 });
    expect(after.activeId).toBe(id);
  });

  it('migrates the version 1 format (sets by name, no versions)', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        state: { ruleSets: { 'Old rules': preset }, active: 'Old rules' },
      }),
    );
    const s = await reload();
    expect(s.sets).toHaveLength(1);
    expect(s.sets[0]).toMatchObject({ name: 'Old rules', version: 1 });
    expect(s.activeId).toBe(s.sets[0]!.id);
    expect(STORE_VERSION).toBe(2);
  });

  it('recovers from damaged storage with the last good copy, and says so', async () => {
    useRulesStore.getState().saveAsNew('Good', preset);
    expect(localStorage.getItem(LAST_GOOD_KEY)).toContain('"Good"');
    localStorage.setItem(STORAGE_KEY, '{"state": {"sets": [tru');
    const s = await reload();
    expect(s.sets.map((x) => x.name)).toEqual(['Good']);
    expect(s.storageProblem).toMatch(/could not be read .* last good copy has been restored/);
  });

  it('sets aside a stored rule set that is no longer valid, keeping the others', async () => {
    const bad = { ...preset, overall: { redWhenRedCount: 0 } };
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 2,
        state: {
          sets: [
            { id: 'a', name: 'Fine', version: 1, savedAt: 'x', rules: preset },
            { id: 'b', name: 'Broken', version: 3, savedAt: 'x', rules: bad },
          ],
          activeId: 'b',
          draft: 42,
        },
      }),
    );
    const s = await reload();
    expect(s.sets.map((x) => x.name)).toEqual(['Fine']);
    expect(s.activeId).toBeNull();
    expect(s.draft).toBeNull();
    expect(s.storageProblem).toMatch(
      /"Broken" is not valid any more and was set aside: overall\.redWhenRedCount/,
    );
    expect(s.storageProblem).toMatch(/unsaved draft could not be read/);
  });
});

describe('storage that fails or lies', () => {
  beforeEach(resetRulesStore);
  afterEach(() => vi.restoreAllMocks());

  it('a full storage: the save says so, the stored copy is the one before, and a reload shows it', async () => {
    const s = useRulesStore.getState();
    s.saveAsNew('Kept', preset);
    const before = localStorage.getItem(STORAGE_KEY);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    useRulesStore.getState().saveAsNew('Lost', preset);
    expect(storageWriteFailure()).toMatch(
      /could not be saved in this browser \(its storage is full\)/,
    );
    await Promise.resolve();
    expect(useRulesStore.getState().storageProblem).toMatch(/storage is full.*unchanged/);
    setItem.mockRestore();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(before);
    const after = await reload();
    expect(after.sets.map((x) => x.name)).toEqual(['Kept']);
  });

  it('garbage in both copies: says there was nothing to restore, and keeps the damaged data aside', async () => {
    localStorage.setItem(STORAGE_KEY, '{"state": {"sets": [tru');
    localStorage.setItem(LAST_GOOD_KEY, 'also not JSON');
    const s = await reload();
    expect(s.sets).toEqual([]);
    expect(s.storageProblem).toMatch(/no good copy to restore: the preset is in use/);
    expect(s.storageProblem).not.toMatch(/has been restored/);
    expect(localStorage.getItem(DAMAGED_KEY)).toBe('{"state": {"sets": [tru');
  });

  it('a stored draft the editor cannot walk is discarded with a message, never rendered', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ version: STORE_VERSION, state: { sets: [], draft: { indicators: [{}] } } }),
    );
    const s = await reload();
    expect(s.draft).toBeNull();
    expect(s.storageProblem).toMatch(/unsaved draft could not be read/);
  });

  it('any stored shape: never throws, and whatever it keeps is walkable or valid (fast-check)', async () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, 0, -1, 'x', '', true, Number.POSITIVE_INFINITY),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom(
            'sets',
            'draft',
            'indicators',
            'rules',
            'id',
            'name',
            'label',
            'kind',
            'phases',
            'clauses',
            'rating',
            'when',
            'all',
            'rollup',
            'method',
            'overall',
          ),
          tie('value'),
          { maxKeys: 5 },
        ),
      ),
    })).value;
    const mutated = fc.oneof(
      json,
      fc
        .constant(structuredClone(preset))
        .chain((p) =>
          fc
            .tuple(fc.constantFrom('indicators', 'overall', 'name'), json)
            .map(([k, v]) => ({ ...p, [k]: v })),
        ),
    );
    await fc.assert(
      fc.asyncProperty(mutated, mutated, async (sets, draft) => {
        localStorage.setItem(
          STORAGE_KEY,
          JSON.stringify({
            version: STORE_VERSION,
            state: { sets: [{ id: 'a', name: 'A', version: 1, savedAt: 'x', rules: sets }], draft },
          }),
        );
        const s = await reload();
        for (const set of s.sets) expect(validateRuleSet(set.rules).ok).toBe(true);
        if (s.draft) {
          expect(walkable(s.draft)).toBe(true);
          // what the editor does with every indicator of a draft
          for (const ind of s.draft.indicators) describeIndicator(ind);
        }
      }),
      { numRuns: 150 },
    );
  });
});
