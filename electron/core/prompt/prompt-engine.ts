/**
 * The prompt engine adapter (the seed's PROMPT_ENGINE): `oss` = the mode engines' own
 * builders, on this machine; `hosted` = the hosted account's prompt service. The environment
 * variable wins over the setting (for support and CI). The hosted engine needs a signed-in
 * account, which arrives with the account issue; until then — and whenever it is offline —
 * the local builders run and the studio is told so.
 */
export const PROMPT_ENGINES = ['oss', 'hosted'] as const;
export type PromptEngineId = (typeof PROMPT_ENGINES)[number];

export interface PromptEngineChoice {
  /** The engine that will actually build the prompt. */
  readonly engine: PromptEngineId;
  /** Set when the requested engine could not be used. */
  readonly warning: string | null;
}

export function choosePromptEngine(input: { readonly setting: PromptEngineId; readonly env: string | undefined; readonly hostedAvailable: boolean }): PromptEngineChoice {
  const fromEnv = input.env?.trim().toLowerCase();
  const requested: PromptEngineId = fromEnv === 'hosted' || fromEnv === 'oss' ? fromEnv : fromEnv === 'wokspec' ? 'hosted' : input.setting;
  if (requested === 'hosted' && !input.hostedAvailable) {
    return { engine: 'oss', warning: 'The hosted prompt engine needs a signed-in, online WokGen account; the local prompt builders were used.' };
  }
  return { engine: requested, warning: null };
}
