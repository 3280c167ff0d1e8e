/** One indicator: its plain-English rules, then every setting and clause list to edit. */
import { checkIndicator } from '../../domain/rule-checks';
import { describeIndicator, describeRollup } from '../../domain/describe-rules';
import { ROLLUP_METHOD_NAMES } from '../../domain/rollup-methods';
import type { Clause, IndicatorRule } from '../../domain/rules/schema';
import { PHASES, type Phase } from '../../domain/types';
import { ClauseEditor } from './ClauseEditor';
import { useEditor } from './editor-context';
import { FieldError, fieldId } from './FieldError';
import { pathString, type Path } from './update';

function ClauseList({
  path,
  clauses,
  unit,
  title,
}: {
  path: Path;
  clauses: readonly Clause[];
  unit: string;
  title: string;
}) {
  const { update, errorAt } = useEditor();
  const move = (i: number, delta: -1 | 0 | 1) => {
    const next = [...clauses];
    if (delta === 0) next.splice(i, 1);
    else [next[i], next[i + delta]] = [next[i + delta] as Clause, next[i] as Clause];
    update(path, next);
  };
  return (
    <div className="clause-list">
      <h3 className="clause-title">{title}</h3>
      <ol>
        {clauses.map((c, i) => (
          <ClauseEditor
            key={i}
            path={[...path, i]}
            clause={c}
            index={i}
            count={clauses.length}
            unit={unit}
            onMove={(d) => move(i, d)}
          />
        ))}
      </ol>
      <button
        type="button"
        className="secondary small"
        onClick={() => update(path, [...clauses, { rating: 'amber', when: { op: '<', value: 0 } }])}
      >
        Add a clause
      </button>
      <FieldError id={`${fieldId(pathString(path))}-err`} message={errorAt(path)} />
    </div>
  );
}

export function IndicatorEditor({ ind, index }: { ind: IndicatorRule; index: number }) {
  const { update, errorAt, use, year } = useEditor();
  const check = use ? checkIndicator(ind, index, use) : undefined;
  const at: Path = ['indicators', index];
  const phases = ind.phases === 'all' ? null : ind.phases;
  const togglePhase = (p: Phase, on: boolean) => {
    const list = phases ?? [];
    update(
      [...at, 'phases'],
      on ? PHASES.filter((x) => x === p || list.includes(x)) : list.filter((x) => x !== p),
    );
  };
  return (
    <details className="indicator-editor" id={`ind-${ind.id}`}>
      <summary>
        <strong>{ind.label}</strong> <span className="muted">({ind.kind})</span>
        {describeIndicator(ind).map((d) => (
          <span key={d.phases} className="rule-text">
            <span className="muted">{d.phases}: </span>
            {d.text}
          </span>
        ))}
      </summary>
      {check?.mostlyRed && (
        <p className="clause-warning" role="note">
          This trigger makes {Math.round((check.red / check.rated) * 100)}% of the rated schools red
          in {year} ({check.red} of {check.rated}): more than half.
        </p>
      )}
      <fieldset>
        <legend>{ind.label}: settings</legend>
        <label>
          Label
          <input value={ind.label} onChange={(e) => update([...at, 'label'], e.target.value)} />
        </label>
        <FieldError
          id={`${fieldId(pathString([...at, 'label']))}-err`}
          message={errorAt([...at, 'label'])}
        />
        <label>
          Comparison group for percentiles and means
          <select
            value={ind.comparison?.scope ?? 'dataset'}
            onChange={(e) => update([...at, 'comparison'], { scope: e.target.value })}
          >
            <option value="dataset">schools of the same phase and year in the whole dataset</option>
            <option value="la">schools of the same phase and year in the same authority</option>
            <option value="partnership">
              schools of the same phase and year in the same partnership
            </option>
            <option value="england">
              schools of the same phase and year in England (deciles, quartiles and the mean)
            </option>
          </select>
        </label>
        <label>
          Roll-up to partnerships and the authority
          <select
            value={ind.rollup.method}
            onChange={(e) => update([...at, 'rollup', 'method'], e.target.value)}
          >
            {ROLLUP_METHOD_NAMES.map((m) => (
              <option key={m} value={m}>
                {m === 'share'
                  ? 'share of red / amber schools'
                  : m === 'aggregate'
                    ? 'the combined value, by absolute triggers'
                    : m}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{describeRollup(ind)}</p>
        <fieldset className="phases">
          <legend>Phases</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={ind.phases === 'all'}
              onChange={(e) => update([...at, 'phases'], e.target.checked ? 'all' : ['primary'])}
            />{' '}
            All phases
          </label>
          {phases &&
            PHASES.map((p) => (
              <label key={p} className="check">
                <input
                  type="checkbox"
                  checked={phases.includes(p)}
                  onChange={(e) => togglePhase(p, e.target.checked)}
                />{' '}
                {p}
              </label>
            ))}
          <FieldError
            id={`${fieldId(pathString([...at, 'phases']))}-err`}
            message={errorAt([...at, 'phases'])}
          />
        </fieldset>
        {Object.entries(ind.byPhase ?? {}).map(([phase, clauses]) => (
          <ClauseList
            key={phase}
            path={[...at, 'byPhase', phase]}
            clauses={clauses ?? []}
            unit={ind.unit}
            title={`Clauses for ${phase} schools (first that matches gives the rating)`}
          />
        ))}
        {ind.clauses && (
          <ClauseList
            path={[...at, 'clauses']}
            clauses={ind.clauses}
            unit={ind.unit}
            title="Clauses (first that matches gives the rating)"
          />
        )}
        {[errorAt(at), errorAt([...at, 'clauses']), errorAt([...at, 'rollup', 'method'])]
          .filter(Boolean)
          .map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        {(phases ?? [])
          .filter((p) => !ind.byPhase?.[p])
          .map((p) => errorAt([...at, 'byPhase', p]))
          .filter(Boolean)
          .map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
      </fieldset>
    </details>
  );
}
