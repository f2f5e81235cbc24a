import { WorkspaceNameSchema } from '../../../../shared/workspace';

/**
 * The message the core would give for this name, or null if it is valid. Same schema as
 * the core, so the dialog never accepts what `workspaces.create` would refuse.
 */
export function workspaceNameError(value: string): string | null {
  const result = WorkspaceNameSchema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'This name is not valid.');
}

/** Which form field a core error belongs to; anything else is shown for the whole form. */
export function errorFieldOf<F extends string>(field: string | undefined, fields: ReadonlyArray<F>): F | null {
  return fields.find((f) => f === field) ?? null;
}
