// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { resetRulesStore } from '../helpers/rules-store';
import {
  LAST_GOOD_KEY,
  STORAGE_KEY,
  STORE_VERSION,
  useRulesStore,
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
