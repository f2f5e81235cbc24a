/** What each studio's `Controls` component receives: the mode's own controls, as the form holds them. */
export interface ModeControlsProps {
  readonly tool: string;
  readonly preset: string;
  /** Keys left out take the schema's defaults. */
  readonly controls: Readonly<Record<string, unknown>>;
  /** Errors by control key (without the `controls.` prefix). */
  readonly errors: Readonly<Record<string, string>>;
  /** `undefined` removes the key (back to the default). */
  readonly onChange: (key: string, value: unknown) => void;
}

/** The value of a control, or its default when unset or of the wrong type. */
export function controlValue<T>(controls: Readonly<Record<string, unknown>>, key: string, fallback: T): T {
  const value = controls[key];
  return typeof value === typeof fallback && value !== undefined ? (value as T) : fallback;
}
