/** The printable trigger document for a board paper: every rule in plain English, dated and versioned. */
import { useState } from 'react';
import { describeIndicator, describeRollup } from '../../domain/describe-rules';
import type { ClauseUse } from '../../domain/engine/clause-use';
import { formatCount } from '../../domain/format';
import { checkIndicator } from '../../domain/rule-checks';
import type { IndicatorRule, RuleSet } from '../../domain/rules/schema';
import { columnLabel } from '../../domain/columns';

/** The minimum below which an indicator is not rated, in words, or "". */
function minimumText(ind: IndicatorRule): string {
  if (ind.minPupils === undefined) return '';
  const column = ind.pupilsColumn ?? 'pupils';
  const what = column === 'pupils' ? 'pupils on roll' : columnLabel(column);
  const unknown =
    ind.unknownPupils === 'rated'
      ? ' (rated where the data gives no such number)'
      : ' (not rated where the data gives no such number)';
  return `; not rated below ${ind.minPupils}: ${what}${unknown}`;
}

/** How the rule fared on the loaded data: its red share and any clause that never fires. */
function DataCheck({
  ind,
  k,
  use,
  year,
}: {
  ind: IndicatorRule;
  k: number;
  use: ClauseUse;
  year: string;
}) {
  const c = checkIndicator(ind, k, use);
  if (c.rated === 0)
    return <p className="muted">On the loaded data ({year}): no school has a value to rate.</p>;
  return (
    <>
      <p className="muted">
        On the loaded data ({year}): {formatCount(c.red)} of {formatCount(c.rated)} rated schools
        red ({Math.round((c.red / c.rated) * 100)}%).
      </p>
      {c.mostlyRed && (
        <p className="clause-warning">
          Warning: this trigger makes more than half the rated schools red.
        </p>
      )}
      {c.idle.map((i) => (
        <p key={`${i.phases}-${i.position}`} className="clause-warning">
          Warning: clause {i.position} ({i.phases}) never fires on this data:{' '}
          {i.first
            ? 'no school meets it.'
            : 'every school it would catch is caught by an earlier clause, or none meets it.'}
        </p>
      ))}
    </>
  );
}

export function TriggerDocument({
  rules,
  savedAt,
  use,
  year,
}: {
  rules: RuleSet;
  savedAt: string | undefined;
  /** Clause use of these rules on the loaded data, when it has been rated with them. */
  use?: ClauseUse | undefined;
  year?: string | undefined;
}) {
  const [printedAt] = useState(() => new Date());
  const date = (savedAt ? new Date(savedAt) : printedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return (
    <article className="trigger-doc">
      <h1>School performance triggers: {rules.name}</h1>
      <p>
        Version {String(rules.version)}, {savedAt ? `saved ${date}` : `printed ${date}`}.
      </p>
      {rules.description && <p>{rules.description}</p>}
      <h2>Overall rating</h2>
      <p>
        A school is red (causing concern) when {rules.overall.redWhenRedCount} or more of its
        performance indicators are red; amber when {rules.overall.amberWhenRedCount} is red or{' '}
        {rules.overall.amberWhenAmberCount} or more are amber; green when at least one performance
        indicator is rated and neither holds. Context indicators never count towards the overall
        rating.
      </p>
      <h2>Indicators</h2>
      {rules.indicators.map((ind, k) => (
        <section key={ind.id} className="doc-indicator">
          <h3>
            {ind.label}{' '}
            <span className="muted">({ind.kind === 'context' ? 'context' : 'performance'})</span>
          </h3>
          {ind.description && <p>{ind.description}</p>}
          <p className="muted">
            Measured by {ind.column ? <code>{ind.column}</code> : <code>{ind.formula}</code>};
            applies to {ind.phases === 'all' ? 'all phases' : ind.phases.join(', ')}
            {minimumText(ind)}.
          </p>
          <ul>
            {describeIndicator(ind).map((d) => (
              <li key={d.phases}>
                <strong>{d.phases}:</strong> {d.text}
              </li>
            ))}
          </ul>
          <p>{describeRollup(ind)}</p>
          {use && year && <DataCheck ind={ind} k={k} use={use} year={year} />}
        </section>
      ))}
      <p className="muted">
        A school with no value, or of a phase an indicator does not cover, is shown as "no data",
        never green.
      </p>
    </article>
  );
}
