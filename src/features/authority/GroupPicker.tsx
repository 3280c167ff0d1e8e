/**
 * Chooses one group (partnership, trust...) of a list. A short list is a select; a national list
 * (hundreds of groups) is a search box with suggestions, which a person can type into and the
 * browser need not lay out as hundreds of options.
 */
import { formatCount } from '../../domain/format';
import { useId, useState } from 'react';

const SELECT_LIMIT = 100;

export interface GroupPickerProps {
  label: string;
  /** Groups in display order, with the count shown beside each. */
  groups: readonly string[];
  countOf: (group: string) => number;
  total: number;
  value: string;
  onChange: (group: string) => void;
}

export function GroupPicker({ label, groups, countOf, total, value, onChange }: GroupPickerProps) {
  const listId = useId();
  const [typed, setTyped] = useState(value);
  // The suggestions (hundreds of options for a national list) are made once the box is first
  // focused: until then they would only add to the first render of the page.
  const [suggesting, setSuggesting] = useState(false);
  if (groups.length <= SELECT_LIMIT)
    return (
      <label className="inline">
        {label}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">every group ({formatCount(total)})</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g} ({countOf(g)})
            </option>
          ))}
        </select>
      </label>
    );
  const known = typed === '' || groups.includes(typed);
  return (
    <>
      <label className="inline">
        {label}
        <input
          type="search"
          className="group-search"
          list={listId}
          value={typed}
          placeholder={`every group (${formatCount(total)}): type a name`}
          aria-invalid={!known || undefined}
          onFocus={() => setSuggesting(true)}
          onChange={(e) => {
            const v = e.target.value;
            setTyped(v);
            // A name that is not a group (yet: the user may still be typing) shows every group.
            onChange(groups.includes(v) ? v : '');
          }}
        />
      </label>
      <datalist id={listId}>
        {suggesting && groups.map((g) => <option key={g} value={g} label={`${countOf(g)}`} />)}
      </datalist>
      {!known && (
        <span className="muted" role="status">
          {' '}
          No group called “{typed}” has a school here; showing every group.
        </span>
      )}
    </>
  );
}
