import { useRulesStore } from '../../src/state/rules-store';

/** Empties the rule-set store and its storage, as on a fresh browser. */
export function resetRulesStore(): void {
  useRulesStore.setState({
    sets: [],
    activeId: null,
    draft: null,
    draftOf: null,
    storageProblem: null,
  });
  localStorage.clear();
}
