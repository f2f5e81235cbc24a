/**
 * The one place a channel call is executed, whatever the transport (Electron IPC in the
 * app, a WebSocket in end-to-end tests): parse the payload against the contract, run the
 * handler, and return a `Result` value — never throw across the boundary.
 */
import { z } from 'zod';
import { AppFailure, err, ok, type AppError, type Result } from '../../../shared/errors';
import { channels, type ChannelName, type ChannelOutput, type ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Logger } from '../ports';

export type Handler<K extends ChannelName> = (input: ChannelParsedInput<K>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

/** A handler for every channel: a missing one is a compile error (the "type test"). */
export type CoreHandlers = { readonly [K in ChannelName]: Handler<K> };

export interface DispatchOptions {
  readonly log: Logger;
  /** Also check what handlers return (tests and the e2e harness; cheap insurance in dev). */
  readonly validateOutput?: boolean;
}

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export async function dispatch(handlers: CoreHandlers, channel: string, payload: unknown, options: DispatchOptions): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return err('forbidden', `Unknown channel "${channel}".`);
  const spec = channels[channel];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: zodErrorToAppError(parsed.error) };
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.validateOutput) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        options.log.error('handler returned a value outside the contract', { channel, issues: checked.error.issues });
        return err('internal', `The studio produced an unexpected answer for ${channel}.`);
      }
    }
    return ok(value);
  } catch (error) {
    return { ok: false, error: toAppError(channel, error, options.log) };
  }
}

/** The first issue decides the message; its path names the field (`patch.name`, `cursor.id`…). */
export function zodErrorToAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid_input', message: 'The request was not valid.' };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = [...issue.path.map(String), key].filter((p) => p.length > 0).join('.');
    return { code: 'invalid_input', message: `Unknown field "${field}".`, field };
  }
  const field = issue.path.map(String).join('.');
  const message = field.length > 0 && !startsWithCapitalSentence(issue.message) ? `${field}: ${issue.message}` : issue.message;
  return field.length > 0 ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

/** Our own messages are sentences ("Name cannot be empty."); zod's defaults are fragments. */
function startsWithCapitalSentence(message: string): boolean {
  return /^[A-Z]/.test(message) && message.endsWith('.');
}

function toAppError(channel: string, error: unknown, log: Logger): AppError {
  if (error instanceof AppFailure) return error.toAppError();
  if (error instanceof z.ZodError) return zodErrorToAppError(error);
  log.error('unexpected handler failure', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { code: 'internal', message: `Something went wrong (${channel}). The details are in the log.` };
}
