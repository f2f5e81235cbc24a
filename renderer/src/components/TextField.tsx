import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: string;
  /** Shown under the field while there is no error. */
  hint?: ReactNode;
  /** Shown under the field as an alert; marks the input invalid. */
  error?: string | null;
  /** Controls beside the input (e.g. a "Choose…" button). */
  trailing?: ReactNode;
  /** Points at the input, for callers that focus it. */
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, trailing, inputRef, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = error != null && error !== '';
  // The error replaces the hint, so the input is described by whichever shows.
  const describedBy = hasError ? errorId : hint !== undefined ? hintId : undefined;
  return (
    <div className={['field', hasError ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-row">
        <input
          {...input}
          ref={inputRef}
          id={id}
          className="field-input"
          aria-invalid={hasError || undefined}
          aria-describedby={describedBy}
        />
        {trailing}
      </div>
      {hasError && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {!hasError && hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
