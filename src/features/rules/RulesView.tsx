/**
 * Agree the triggers: every indicator's rules in plain English, editable, with a live what-if
 * against the saved rules, validation beside each field, and saved, versioned rule sets.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { clauseUseQueryOptions, whatIfQueryOptions } from '../../api/ratings';
import { ErrorMessage, Loading } from '../../components/Loading';
import type { RuleSet } from '../../domain/rules/schema';
import { validateRuleSet } from '../../domain/rules/validate';
import { activeSet, useRulesStore } from '../../state/rules-store';
import { decodeShare } from '../../state/rules-share';
import type { Dashboard } from '../use-dashboard';
import { EditorContext, type Editor } from './editor-context';
import { IndicatorEditor } from './IndicatorEditor';
import { issueText } from './issue-text';
import { OverallEditor } from './OverallEditor';
import { RuleSetActions } from './RuleSetActions';
import { TriggerDocument } from './TriggerDocument';
import { pathString, setIn } from './update';
import { WhatIfPanel } from './WhatIfPanel';

function SharedRules({ token, onDone }: { token: string; onDone: () => void }) {
  const saveAsNew = useRulesStore((s) => s.saveAsNew);
  const v = useMemo(() => decodeShare(token), [token]);
  if (!v.ok)
    return (
      <ErrorMessage
        title="The shared rules could not be read"
        error={new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))}
      />
    );
  return (
    <div className="shared" role="region" aria-label="Shared rules">
      <p>
        A rule set was shared with you: <strong>{v.rules.name}</strong>, version{' '}
        {String(v.rules.version)}.
      </p>
      <button
        type="button"
        onClick={() => {
          saveAsNew(`${v.rules.name} (shared)`, v.rules);
          onDone();
        }}
      >
        Import it as a new rule set
      </button>
    </div>
  );
}

export function RulesView({ d }: { d: Dashboard }) {
  const store = useRulesStore();
  const preset = d.preset.data;
  const data = d.data.data;
  const issues = useMemo(
    () => (store.draft ? validateRuleSet(store.draft) : { ok: true as const, rules: store.draft }),
    [store.draft],
  );
  const active = activeSet(store);
  const maybeSaved = active?.rules ?? preset;
  // The what-if is asked for in the same render as the keystroke (the worker does the work,
  // so typing stays responsive); the panel and the per-clause counts read the same query.
  const asked = store.draft ? (issues.ok ? (issues.rules as RuleSet) : undefined) : maybeSaved;
  const whatIf = useQuery(whatIfQueryOptions(data, maybeSaved, asked, d.filter));
  const tr = d.ratings.data;
  // The saved rules' clause counts come from the worker (which keeps them for the what-ifs).
  const savedUse = useQuery(clauseUseQueryOptions(tr, data, maybeSaved, d.filter)).data;
  const use = asked && asked !== maybeSaved ? whatIf.data?.draftUse : savedUse;
  if (d.preset.isError)
    return (
      <ErrorMessage
        title="The preset rules could not be loaded"
        error={d.preset.error}
        onRetry={() => void d.preset.refetch()}
      />
    );
  if (!preset || !data) return <Loading what="the rules" />;
  const saved: RuleSet = active?.rules ?? preset;
  const draft = store.draft ?? saved;
  const byPath = new Map(issues.ok ? [] : issues.issues.map((i) => [i.path, i.message]));
  const editor: Editor = {
    draft,
    update: (path, value) =>
      store.setDraft(setIn(draft, path, value), store.draft ? undefined : store.activeId),
    errorAt: (path) => byPath.get(pathString(path)),
    ...(use ? { use, year: d.filter.year } : {}),
  };
  const validDraft = store.draft && issues.ok ? (issues.rules as RuleSet) : undefined;
  const share = d.vs.params.get('share');

  if (d.vs.params.get('doc') === '1')
    return (
      <>
        <p className="no-print">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>{' '}
          <a href="#/rules">Back to the rules</a>
        </p>
        <TriggerDocument
          rules={saved}
          savedAt={active?.savedAt}
          use={savedUse}
          year={d.filter.year}
        />
      </>
    );

  return (
    <EditorContext.Provider value={editor}>
      <h1>Trigger rules</h1>
      <p>
        The triggers that move a school from green to amber to red, to agree with schools. Edit a
        rule and see at once which schools would change colour; nothing changes on the dashboard
        until you apply it. Rule sets are kept in this browser.
      </p>
      {store.storageProblem && (
        <div role="alert" className="error">
          <p>{store.storageProblem}</p>
          <button type="button" className="secondary" onClick={store.dismissProblem}>
            Dismiss
          </button>
        </div>
      )}
      {share && <SharedRules token={share} onDone={() => d.vs.set({ share: undefined })} />}
      <RuleSetActions
        preset={preset}
        savable={validDraft}
        hasDraft={!!store.draft}
        onPrint={() => d.vs.set({ doc: '1' })}
      />
      {!issues.ok && (
        <div role="alert" className="error-summary">
          <h2>
            There is a problem with{' '}
            {issues.issues.length === 1 ? 'one field' : `${issues.issues.length} fields`}
          </h2>
          <ul>
            {issues.issues.map((i) => (
              <li key={i.path}>
                {issueText(draft, i.path, i.message)} <span className="muted">({i.path})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <WhatIfPanel
        data={data}
        saved={saved}
        draft={asked}
        filter={d.filter}
        labelOf={(id) => draft.indicators.find((i) => i.id === id)?.label ?? id}
      />
      <OverallEditor />
      <h2>Indicators</h2>
      <p className="muted">
        Open an indicator to edit it. The first clause that matches gives the rating.
      </p>
      {draft.indicators.map((ind, i) => (
        <IndicatorEditor key={ind.id || i} ind={ind} index={i} />
      ))}
    </EditorContext.Provider>
  );
}
