/**
 * The two ways to sign in, both through the system browser (RFC 8252 §4: never an embedded
 * web view):
 * - browser: authorization code + PKCE with a loopback redirect (RFC 8252 §7.3, RFC 7636);
 * - device: the device authorization grant (RFC 8628) for when the browser cannot reach this
 *   machine's loopback (another device, a locked-down browser) — the user types a short code.
 * Each resolves to the token endpoint's answer or throws a SignInError saying why not.
 */
import type { DeviceAuthorizationResponse, TokenResponse } from '../../../shared/hosted-api';
import type { Clock } from '../providers/http/clock';
import { startLoopbackRedirect } from './loopback-redirect';
import { OAuthErrorAnswer, type OAuthClient } from './oauth-client';
import { createPkcePair, randomState } from './pkce';
import { SignInError } from './sign-in-error';

/** How long the browser step may take before the loopback listener gives up. */
export const BROWSER_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** RFC 8628 §3.5: on slow_down the interval grows by 5 seconds. */
export const SLOW_DOWN_STEP_MS = 5000;

function refused(error: OAuthErrorAnswer): SignInError {
  return new SignInError('token_refused', `WokGen refused the sign-in (${error.message.slice(0, 200)}). Try again.`);
}

export async function browserSignIn(input: {
  readonly oauth: OAuthClient;
  readonly openExternal: (url: string) => Promise<void>;
  readonly signal: AbortSignal;
  readonly timeoutMs?: number;
}): Promise<TokenResponse> {
  const pkce = createPkcePair();
  const state = randomState();
  const loopback = await startLoopbackRedirect({ state, timeoutMs: input.timeoutMs ?? BROWSER_SIGN_IN_TIMEOUT_MS, signal: input.signal });
  try {
    await input.openExternal(input.oauth.authorizationUrl({ redirectUri: loopback.redirectUri, state, challenge: pkce.challenge }));
    const code = await loopback.code;
    return await input.oauth.exchangeCode({ code, verifier: pkce.verifier, redirectUri: loopback.redirectUri }, input.signal);
  } catch (error) {
    if (error instanceof OAuthErrorAnswer) throw refused(error);
    throw error;
  } finally {
    loopback.close();
  }
}

export async function deviceSignIn(input: {
  readonly oauth: OAuthClient;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Show the user code and where to enter it. */
  readonly onCode: (authorization: DeviceAuthorizationResponse) => void;
}): Promise<TokenResponse> {
  const { oauth, clock, signal } = input;
  const authorization = await oauth.startDeviceAuthorization(signal);
  input.onCode(authorization);
  const deadline = clock.now() + authorization.expires_in * 1000;
  let intervalMs = authorization.interval * 1000;
  for (;;) {
    try {
      await clock.sleep(intervalMs, signal);
    } catch {
      throw new SignInError('cancelled', 'Sign-in was cancelled.');
    }
    if (clock.now() >= deadline) throw new SignInError('expired', 'The sign-in code expired before it was confirmed. Start again for a new code.');
    try {
      return await oauth.pollDeviceToken(authorization.device_code, signal);
    } catch (error) {
      if (error instanceof SignInError && error.kind === 'unreachable') continue; // a network blip: keep polling until the deadline
      if (!(error instanceof OAuthErrorAnswer)) throw error;
      switch (error.oauth.error) {
        case 'authorization_pending':
          continue;
        case 'slow_down':
          intervalMs += SLOW_DOWN_STEP_MS;
          continue;
        case 'access_denied':
          throw new SignInError('access_denied', 'Sign-in was declined on the WokGen page.');
        case 'expired_token':
          throw new SignInError('expired', 'The sign-in code expired before it was confirmed. Start again for a new code.');
        default:
          throw refused(error);
      }
    }
  }
}
