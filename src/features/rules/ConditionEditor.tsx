/**
 * Edits one comparison: what is compared (the indicator's value, another column, a formula),
 * how (below, at or below, ...) and against what (a value, a percentile or the mean of the
 * comparison group).
 */
import { COMPARISON_OPS, type CompareCondition } from '../../domain/rules/schema';
import { columnLabel } from '../../domain/columns';
import { NUMERIC_COLUMNS } from '../../domain/types';
import { OP_WORDS } from '../../domain/format';
import { useEditor } from './editor-context';
import { FieldError, fieldId } from './FieldError';
import { NumberField } from './NumberField';
import { pathString, type Path } from './update';

type Threshold = 'value' | 'quantile' | 'benchmark';

const thresholdOf = (c: CompareCondition): Threshold =>
  c.quantile !== undefined ? 'quantile' : c.benchmark !== undefined ? 'benchmark' : 'value';

export function CompareEditor({
  path,
  cond,
  unit,
}: {
  path: Path;
  cond: CompareCondition;
  unit: string;
}) {
  const { update, errorAt } = useEditor();
  const p = pathString(path);
  const subject = cond.column !== undefined ? 'column' : cond.expr !== undefined ? 'expr' : 'value';
  const threshold = thresholdOf(cond);
  const set = (next: CompareCondition) => update(path, next);
  const containerError = errorAt(path);
  return (
    <div className="condition" role="group" aria-label="Condition">
      <label>
        Compare
        <select
          value={subject}
          onChange={(e) => {
            const { column: _c, expr: _e, ...rest } = cond;
            const base = { ...rest };
            if (e.target.value === 'column')
              set({
                ...base,
                column: 'ks4_p8_ci_upper',
                value: rest.value ?? 0,
                quantile: undefined,
                benchmark: undefined,
                margin: undefined,
              });
            else if (e.target.value === 'expr')
              set({
                ...base,
                expr: 'capacity - pupils',
                value: rest.value ?? 0,
                quantile: undefined,
                benchmark: undefined,
                margin: undefined,
              });
            else set(base);
          }}
        >
          <option value="value">the indicator value</option>
          <option value="column">another column</option>
          <option value="expr">a formula</option>
        </select>
      </label>
      {subject === 'column' && (
        <label>
          Column
          <select value={cond.column} onChange={(e) => set({ ...cond, column: e.target.value })}>
            {NUMERIC_COLUMNS.map((c) => (
              <option key={c} value={c}>
                {columnLabel(c)}
              </option>
            ))}
          </select>
        </label>
      )}
      {subject === 'expr' && (
        <label>
          Formula
          <input
            value={cond.expr}
            onChange={(e) => set({ ...cond, expr: e.target.value })}
            aria-invalid={errorAt([...path, 'expr']) ? true : undefined}
            aria-describedby={`${fieldId(`${p}.expr`)}-err`}
          />
          <FieldError id={`${fieldId(`${p}.expr`)}-err`} message={errorAt([...path, 'expr'])} />
        </label>
      )}
      <label>
        Is
        <select
          value={cond.op}
          onChange={(e) => set({ ...cond, op: e.target.value as CompareCondition['op'] })}
        >
          {COMPARISON_OPS.map((op) => (
            <option key={op} value={op}>
              {OP_WORDS[op]} ({op})
            </option>
          ))}
        </select>
      </label>
      {subject === 'value' && (
        <label>
          Than
          <select
            value={threshold}
            onChange={(e) => {
              const { value: _v, quantile: _q, benchmark: _b, margin: _m, ...rest } = cond;
              const t = e.target.value as Threshold;
              set(
                t === 'value'
                  ? { ...rest, value: 0 }
                  : t === 'quantile'
                    ? { ...rest, quantile: 0.25 }
                    : { ...rest, benchmark: 'mean', margin: 0 },
              );
            }}
          >
            <option value="value">a fixed value</option>
            <option value="quantile">a percentile of the comparison group</option>
            <option value="benchmark">the comparison group mean</option>
          </select>
        </label>
      )}
      {threshold === 'value' && (
        <NumberField
          label={`Value${unit && subject === 'value' ? ` (${unit})` : ''}`}
          value={cond.value}
          path={`${p}.value`}
          error={errorAt([...path, 'value'])}
          onChange={(v) => set({ ...cond, value: v })}
        />
      )}
      {threshold === 'quantile' && (
        <NumberField
          label="Percentile, counting from the lowest value (25 = lower quartile; the highest 10% are above 90)"
          value={cond.quantile}
          scale={100}
          path={`${p}.quantile`}
          error={
            errorAt([...path, 'quantile'])
              ? 'A percentile must be more than 0 and less than 100'
              : undefined
          }
          onChange={(v) => set({ ...cond, quantile: v })}
        />
      )}
      {threshold === 'benchmark' && (
        <NumberField
          label="Plus or minus (margin)"
          value={cond.margin ?? 0}
          path={`${p}.margin`}
          error={errorAt([...path, 'margin'])}
          onChange={(v) => set({ ...cond, margin: v })}
        />
      )}
      <FieldError id={`${fieldId(p)}-err`} message={containerError} />
    </div>
  );
}
