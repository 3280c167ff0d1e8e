/** One clause ("Red when ...") with its condition, or an "otherwise" clause; reorder and remove. */
import {
  RULE_RATINGS,
  type Clause,
  type CompareCondition,
  type Condition,
} from '../../domain/rules/schema';
import { clauseKey } from '../../domain/engine/clause-use';
import { formatCount } from '../../domain/format';
import { RATING_LABEL } from '../../domain/rating';
import { CompareEditor } from './ConditionEditor';
import { useEditor } from './editor-context';
import { FieldError, fieldId } from './FieldError';
import { pathString, type Path } from './update';

const isCompare = (c: Condition): c is CompareCondition => !('all' in c) && !('any' in c);
const NEW_COMPARE: CompareCondition = { op: '<', value: 0 };

function ConditionBlock({ path, cond, unit }: { path: Path; cond: Condition; unit: string }) {
  const { update, errorAt } = useEditor();
  if (isCompare(cond))
    return (
      <>
        <CompareEditor path={path} cond={cond} unit={unit} />
        <button
          type="button"
          className="secondary small"
          onClick={() => update(path, { all: [cond, NEW_COMPARE] })}
        >
          Add another condition
        </button>
      </>
    );
  const key = 'all' in cond ? 'all' : 'any';
  const parts = 'all' in cond ? cond.all : cond.any;
  return (
    <div className="compound">
      <label>
        Combine conditions
        <select value={key} onChange={(e) => update(path, { [e.target.value]: parts })}>
          <option value="all">all must hold (and)</option>
          <option value="any">any may hold (or)</option>
        </select>
      </label>
      {parts.map((part, i) => (
        <div key={i} className="compound-part">
          {i > 0 && <p className="combinator">{key === 'all' ? 'and' : 'or'}</p>}
          {isCompare(part) ? (
            <CompareEditor path={[...path, key, i]} cond={part} unit={unit} />
          ) : (
            <p className="muted">(a nested combination: edit it in the JSON file)</p>
          )}
          {parts.length > 1 && (
            <button
              type="button"
              className="secondary small"
              onClick={() =>
                update(
                  path,
                  parts.length === 2 ? parts[1 - i] : { [key]: parts.filter((_, j) => j !== i) },
                )
              }
            >
              Remove this condition
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="secondary small"
        onClick={() => update([...path, key], [...parts, NEW_COMPARE])}
      >
        Add a condition
      </button>
      <FieldError id={`${fieldId(pathString(path))}-err`} message={errorAt(path)} />
    </div>
  );
}

export interface ClauseEditorProps {
  path: Path;
  clause: Clause;
  index: number;
  count: number;
  unit: string;
  /** Moves this clause up (-1) or down (+1) the list, or removes it (0). */
  onMove: (delta: -1 | 0 | 1) => void;
}

/** "Catches 12 of 700 schools", and a warning when a clause never fires on the loaded data. */
function ClauseUseNote({ path, index }: { path: Path; index: number }) {
  const { use, year } = useEditor();
  if (!use) return null;
  // Paths are ['indicators', k, 'clauses', i] or ['indicators', k, 'byPhase', phase, i].
  const k = path[1] as number;
  const list = path[2] === 'byPhase' ? `byPhase.${String(path[3])}` : 'clauses';
  const eligible = use.eligible[`${k}|${list}`] ?? 0;
  if (eligible === 0) return null;
  const fired = use.fired[clauseKey(k, list, index)] ?? 0;
  return (
    <>
      <p className="clause-use">
        Catches {formatCount(fired)} of {formatCount(eligible)} schools with a value in {year}.
      </p>
      {fired === 0 && (
        <p className="clause-warning" role="note">
          Never fires on this data:{' '}
          {index === 0
            ? 'no school meets it.'
            : 'every school it would catch is caught by an earlier clause first, or none meets it.'}
        </p>
      )}
    </>
  );
}

export function ClauseEditor({ path, clause, index, count, unit, onMove }: ClauseEditorProps) {
  const { update } = useEditor();
  return (
    <li className="clause">
      <div className="clause-head">
        <span className="clause-n">{index === 0 ? 'First' : 'Then'}</span>
        <label>
          Rating
          <select
            value={clause.rating}
            onChange={(e) => update([...path, 'rating'], e.target.value)}
          >
            {RULE_RATINGS.map((r) => (
              <option key={r} value={r}>
                {r === 'none' ? 'Not rated' : RATING_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Applies
          <select
            value={clause.when ? 'when' : 'otherwise'}
            onChange={(e) =>
              update([...path, 'when'], e.target.value === 'when' ? NEW_COMPARE : undefined)
            }
          >
            <option value="when">when…</option>
            <option value="otherwise">otherwise (always)</option>
          </select>
        </label>
        <span className="clause-actions">
          <button
            type="button"
            className="secondary small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move clause ${index + 1} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="secondary small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move clause ${index + 1} down`}
          >
            ↓
          </button>
          <button
            type="button"
            className="secondary small"
            onClick={() => onMove(0)}
            aria-label={`Remove clause ${index + 1}`}
          >
            Remove
          </button>
        </span>
      </div>
      {clause.when && <ConditionBlock path={[...path, 'when']} cond={clause.when} unit={unit} />}
      <ClauseUseNote path={path} index={index} />
    </li>
  );
}
