/** A number input that keeps what the person typed and says plainly when it is not a number. */
import { useState } from 'react';
import { FieldError, fieldId } from './FieldError';

export interface NumberFieldProps {
  label: string;
  /** Stored value (NaN while the text is not a number). */
  value: number | undefined;
  onChange: (v: number) => void;
  /** Validation message from the rule-set validator for this field. */
  error: string | undefined;
  /** Validation path, for ids. */
  path: string;
  /** Shown value = stored value x scale (percentiles are stored as 0.25, shown as 25). */
  scale?: number;
}

export function NumberField({ label, value, onChange, error, path, scale = 1 }: NumberFieldProps) {
  const shown =
    value === undefined || Number.isNaN(value) ? '' : String(Math.round(value * scale * 1e9) / 1e9);
  const [text, setText] = useState(shown);
  // Follow changes from outside (reset, import), not this field's own keystrokes: adjusting
  // state during render, as React recommends, rather than in an effect.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(text.trim() === '' ? NaN : Number(text) / scale, value)) setText(shown);
  }
  const notNumber =
    text.trim() === '' || !Number.isFinite(Number(text)) ? 'Enter a number' : undefined;
  const message = notNumber ?? error;
  const id = fieldId(path);
  return (
    <label className="num-field">
      {label}
      <input
        inputMode="decimal"
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? NaN : Number(e.target.value);
          onChange(Number.isFinite(n) ? n / scale : NaN);
        }}
      />
      <FieldError id={`${id}-err`} message={message} />
    </label>
  );
}
