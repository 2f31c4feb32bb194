import { useId, useState } from 'react';
import type { ReactNode } from 'react';

export interface FieldProps {
  label: string;
  /** The document's current value, as text. */
  value: string;
  /** An error message for text that must not be applied, or undefined when it may be. */
  validate?(text: string): string | undefined;
  onCommit(text: string): void;
  help?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
}

/**
 * A text input that applies each valid edit at once and keeps an invalid one on screen with its
 * error instead of applying it: the document never silently takes (or loses) a bad value.
 */
export function Field({ label, value, validate, onCommit, help, multiline, placeholder, testId }: FieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const [seen, setSeen] = useState(value);
  // The document changed under us (undo, another panel): show its value unless it is what we typed.
  if (seen !== value) {
    setSeen(value);
    if (draft !== value) {
      setDraft(value);
      setError(undefined);
    }
  }
  const change = (text: string) => {
    setDraft(text);
    const problem = validate?.(text);
    setError(problem);
    if (problem === undefined && text !== value) onCommit(text);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error !== undefined,
    'data-testid': testId,
    className: error ? 'zs-input zs-invalid' : 'zs-input',
  };
  return (
    <div className="zs-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" spellCheck={false} onChange={(e) => change(e.target.value)} />
      )}
      {error ? (
        <div className="zs-field-error" role="alert">
          {error}
        </div>
      ) : help ? (
        <div className="zs-field-help">{help}</div>
      ) : null}
    </div>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  help?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="zs-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="zs-input" value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.help ? <div className="zs-field-help">{props.help}</div> : null}
    </div>
  );
}
