/** The printable trigger document for a board paper: every rule in plain English, dated and versioned. */
import { useState } from 'react';
import { describeIndicator, describeRollup } from '../../domain/describe-rules';
import type { RuleSet } from '../../domain/rules/schema';

export function TriggerDocument({
  rules,
  savedAt,
}: {
  rules: RuleSet;
  savedAt: string | undefined;
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
      {rules.indicators.map((ind) => (
        <section key={ind.id} className="doc-indicator">
          <h3>
            {ind.label}{' '}
            <span className="muted">({ind.kind === 'context' ? 'context' : 'performance'})</span>
          </h3>
          {ind.description && <p>{ind.description}</p>}
          <p className="muted">
            Measured by {ind.column ? <code>{ind.column}</code> : <code>{ind.formula}</code>};
            applies to {ind.phases === 'all' ? 'all phases' : ind.phases.join(', ')}
            {ind.minPupils !== undefined ? `; not rated below ${ind.minPupils} pupils` : ''}.
          </p>
          <ul>
            {describeIndicator(ind).map((d) => (
              <li key={d.phases}>
                <strong>{d.phases}:</strong> {d.text}
              </li>
            ))}
          </ul>
          <p>{describeRollup(ind)}</p>
        </section>
      ))}
      <p className="muted">
        A school with no value, or of a phase an indicator does not cover, is shown as "no data",
        never green.
      </p>
    </article>
  );
}
