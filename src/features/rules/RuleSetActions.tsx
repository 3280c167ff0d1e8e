/** Choosing, saving, duplicating, renaming, resetting, importing, exporting and sharing rule sets. */
import { useState } from 'react';
import type { RuleSet } from '../../domain/rules/schema';
import { parseRuleSetText } from '../../domain/rules/validate';
import { activeSet, useRulesStore, storageWriteFailure } from '../../state/rules-store';
import { encodeShare, ruleSetJson } from '../../state/rules-share';
import { useUiStore } from '../../state/ui-store';

export interface RuleSetActionsProps {
  preset: RuleSet;
  /** The draft when it differs from the saved rules and is valid (can be saved). */
  savable: RuleSet | undefined;
  hasDraft: boolean;
  onPrint: () => void;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RuleSetActions({ preset, savable, hasDraft, onPrint }: RuleSetActionsProps) {
  const store = useRulesStore();
  const setStatus = useUiStore((s) => s.setStatus);
  const active = activeSet(store);
  const current = active?.rules ?? preset;
  const [name, setName] = useState('');
  const [importIssues, setImportIssues] = useState<string[]>([]);
  const [link, setLink] = useState('');

  const save = () => {
    if (!savable) return;
    const id = active
      ? store.saveDraft()
      : store.saveDraft(name.trim() || `${preset.name} (local)`);
    const failed = storageWriteFailure();
    setStatus(
      !id
        ? 'Nothing to save.'
        : failed
          ? 'The dashboard now uses these rules, but they could not be saved in this browser (see the message above).'
          : 'Rules saved. The dashboard now uses them.',
    );
  };
  const importFile = async (file: File) => {
    const v = parseRuleSetText(await file.text());
    if (!v.ok) {
      setImportIssues(v.issues.map((i) => `${file.name}: ${i.path}: ${i.message}`));
      return;
    }
    setImportIssues([]);
    store.saveAsNew(v.rules.name, v.rules);
    setStatus(`Imported "${v.rules.name}".`);
  };

  return (
    <section className="ruleset-actions" aria-labelledby="ruleset-h">
      <h2 id="ruleset-h">Rule set</h2>
      <label>
        Rules the dashboard uses
        <select
          value={store.activeId ?? ''}
          onChange={(e) => store.activate(e.target.value || null)}
        >
          <option value="">{preset.name} (shipped preset)</option>
          {store.sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}, version {s.version}
            </option>
          ))}
        </select>
      </label>
      {active &&
        // Said as it is: a version made while storage writes fail is in this page only.
        (storageWriteFailure() ? (
          <p className="warning-text">
            Version {active.version}, made {new Date(active.savedAt).toLocaleString('en-GB')}: not
            saved in this browser, so it will be lost when this page closes.
          </p>
        ) : (
          <p className="muted">
            Version {active.version}, saved {new Date(active.savedAt).toLocaleString('en-GB')}.
            Stored in this browser only.
          </p>
        ))}
      <div className="actions">
        {!active && savable && (
          <label>
            Name for your rule set
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={`${preset.name} (local)`}
            />
          </label>
        )}
        <button type="button" disabled={!savable} onClick={save}>
          {active
            ? `Apply and save as version ${active.version + 1}`
            : 'Apply and save as a new rule set'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!hasDraft}
          onClick={() => store.setDraft(null)}
        >
          Discard changes
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => store.saveAsNew(`${current.name} (copy)`, current)}
        >
          Duplicate
        </button>
        {active && (
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const n = window.prompt('New name for this rule set', active.name);
                if (n?.trim()) store.rename(active.id, n.trim());
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                window.confirm(`Delete "${active.name}" from this browser?`) &&
                store.remove(active.id)
              }
            >
              Delete
            </button>
          </>
        )}
        <button type="button" className="secondary" onClick={() => store.activate(null)}>
          Reset to the {preset.name} preset
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            download(
              `${current.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-v${String(current.version)}.json`,
              ruleSetJson(current),
            )
          }
        >
          Export as JSON
        </button>
        <label className="file-button">
          Import a JSON rule file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const url = `${location.origin}${location.pathname}#/rules?share=${encodeShare(current)}`;
            setLink(url);
            void navigator.clipboard?.writeText(url).catch(() => undefined);
            setStatus('Share link ready (copied where the browser allows).');
          }}
        >
          Share as a link
        </button>
        <button type="button" className="secondary" onClick={onPrint}>
          Trigger document (print)
        </button>
      </div>
      {link && (
        <label>
          Link to these rules (the rules travel in the link; nothing is uploaded)
          <input readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
      {importIssues.length > 0 && (
        <ul role="alert" className="problems">
          {importIssues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
