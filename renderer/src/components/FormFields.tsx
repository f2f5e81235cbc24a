/**
 * Small labelled form controls for the studio forms: a select, a number input and a
 * checkbox (optionally drawn as a switch). Each has a visible label tied to its control and
 * shows an error under it as an alert, like `TextField`.
 */
import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  readonly label: string;
  readonly id: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly className?: string | undefined;
  readonly children: ReactNode;
}

function FieldShell({ label, id, error, hint, className, children }: FieldShellProps) {
  const hasError = error !== undefined && error !== '';
  return (
    <div className={['field', hasError ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hasError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {!hasError && hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, error: string | undefined, hint: ReactNode): string | undefined =>
  error !== undefined && error !== '' ? `${id}-error` : hint !== undefined ? `${id}-hint` : undefined;

export interface SelectOption<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

export interface SelectFieldProps<T extends string | number> {
  readonly label: string;
  readonly value: T;
  readonly options: ReadonlyArray<SelectOption<T>>;
  readonly onChange: (value: T) => void;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
  readonly className?: string;
}

export function SelectField<T extends string | number>({ label, value, options, onChange, error, hint, disabled, className }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} className={className}>
      <select
        id={id}
        className="select"
        value={String(value)}
        disabled={disabled}
        aria-invalid={(error !== undefined && error !== '') || undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => {
          const picked = options.find((option) => String(option.value) === event.target.value);
          if (picked !== undefined) onChange(picked.value);
        }}
      >
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface NumberFieldProps {
  readonly label: string;
  /** null = empty. */
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** Quick picks offered by the browser's suggestion list. */
  readonly suggestions?: ReadonlyArray<number>;
  readonly placeholder?: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly className?: string;
}

export function NumberField({ label, value, onChange, min, max, step, suggestions, placeholder, error, hint, className }: NumberFieldProps) {
  const id = useId();
  const listId = suggestions === undefined ? undefined : `${id}-list`;
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} className={className}>
      <input
        id={id}
        className="field-input"
        type="number"
        inputMode="numeric"
        value={value ?? ''}
        min={min}
        max={max}
        step={step}
        list={listId}
        placeholder={placeholder}
        aria-invalid={(error !== undefined && error !== '') || undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === '' ? null : Number(text));
        }}
      />
      {suggestions !== undefined && (
        <datalist id={listId}>
          {suggestions.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      )}
    </FieldShell>
  );
}

export interface CheckboxFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** Drawn as a switch (still a native checkbox). */
  readonly asSwitch?: boolean;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly className?: string;
}

export function CheckboxField({ label, checked, onChange, asSwitch = false, hint, error, className }: CheckboxFieldProps) {
  const id = useId();
  const hasError = error !== undefined && error !== '';
  return (
    <div className={['checkbox-field', className].filter(Boolean).join(' ')}>
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          className={asSwitch ? 'switch' : 'checkbox'}
          checked={checked}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hasError ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        hint !== undefined && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** Options from a list of ids, labelled by a readable version of each id (or a given label). */
export function optionsOf<T extends string | number>(values: ReadonlyArray<T>, labels?: Partial<Record<string, string>>): ReadonlyArray<SelectOption<T>> {
  return values.map((value) => ({ value, label: labels?.[String(value)] ?? humanize(String(value)) }));
}

export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
