/** The "causing concern" rule: how many red or amber performance indicators make a school red or amber. */
import { useEditor } from './editor-context';
import { NumberField } from './NumberField';

export function OverallEditor() {
  const { draft, update, errorAt } = useEditor();
  const o = draft.overall;
  const field = (key: keyof typeof o, label: string) => (
    <NumberField
      label={label}
      value={o[key]}
      path={`overall.${key}`}
      error={errorAt(['overall', key])}
      onChange={(v) => update(['overall', key], v)}
    />
  );
  return (
    <fieldset className="overall-editor">
      <legend>Overall rating (performance indicators only)</legend>
      {field('redWhenRedCount', 'Red ("causing concern") at this many red indicators')}
      {field('amberWhenRedCount', 'Amber at this many red indicators')}
      {field('amberWhenAmberCount', 'Amber at this many amber indicators')}
    </fieldset>
  );
}
