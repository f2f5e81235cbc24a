/**
 * Why a sign-in did not complete, as one error type the account service turns into a message
 * for the Account panel. Nothing here ever carries a token or a code.
 */
export const SIGN_IN_FAILURES = [
  /** The redirect's state differs from ours: not our request (RFC 6749 §10.12). */
  'state_mismatch',
  /** The redirect carried no code. */
  'missing_code',
  /** The authorization server sent `error=` (access_denied, …). */
  'authorization_error',
  /** The token endpoint refused (invalid_grant, a wrong PKCE verifier, …). */
  'token_refused',
  /** The token endpoint answered something that is not an OAuth JSON answer (an HTML page…). */
  'bad_token_response',
  /** Device flow: the user said no. */
  'access_denied',
  /** Device flow or browser flow: the user did not finish in time. */
  'expired',
  'cancelled',
  'unreachable',
  /** The tokens arrived but the keychain would not keep them. */
  'keychain_failed',
] as const;
export type SignInFailureKind = (typeof SIGN_IN_FAILURES)[number];

export class SignInError extends Error {
  constructor(
    readonly kind: SignInFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
