/**
 * The hosted WokGen account API, declared once: the desktop's account service and hosted
 * provider parse every answer with these schemas, the loopback test account server answers with
 * them, and `docs/hosted-api.md` describes them for people.
 *
 * Modelled on the seed's web API (facts 1.9–1.11: POST /api/generate, POST /api/uiux/generate,
 * GET /api/credits, GET /api/workspaces; plans free/plus/pro/max; HD credits spent from the
 * monthly allowance first, then from the top-up balance). The desktop adds OAuth 2.0 for native
 * apps (RFC 8252, PKCE per RFC 7636, the device grant of RFC 8628) and bearer tokens.
 */
import { z } from 'zod';
import { MODE_SPECS } from './generation';
import { MODE_IDS, type ModeId } from './modes';
import { secretUrlProblem } from './url-rules';

/** The hosted service's production address (the seed's live platform). */
export const DEFAULT_HOSTED_BASE_URL = 'https://wokgen.wokspec.org';
/** A public client: no secret, so PKCE is mandatory (RFC 8252 §8.1). */
export const HOSTED_CLIENT_ID = 'wokgen-studio-desktop';
export const HOSTED_SCOPE = 'account generate';

export const HOSTED_PATHS = {
  authorize: '/oauth/authorize',
  token: '/oauth/token',
  deviceAuthorization: '/oauth/device_authorization',
  revoke: '/oauth/revoke',
  me: '/api/me',
  credits: '/api/credits',
  generate: '/api/generate',
  uiuxGenerate: '/api/uiux/generate',
  promptEnhance: '/api/prompt/enhance',
  workspaces: '/api/workspaces',
  /** Web pages, opened in the system browser. */
  plansPage: '/pricing',
  topUpPage: '/account/billing',
} as const;

/** RFC 8628 §3.4: the grant type the device polls the token endpoint with. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

// ── Plans and credits ───────────────────────────────────────────────────────────────────────

export const PLAN_IDS = ['free', 'plus', 'pro', 'max'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const PLAN_LABELS: Readonly<Record<PlanId, string>> = { free: 'Free', plus: 'Plus', pro: 'Pro', max: 'Max' };

/**
 * What `generations` hosted generations of this mode cost in HD credits — the mode contracts'
 * hdCreditsPerGeneration (facts 1.1: pixel, business, emoji 1; vector 2; uiux 3). The seed
 * itself charged 1 everywhere, a flaw we do not copy. One generation = one batch slot. The
 * studio shows this before a run; the test server charges it.
 */
export function hdCreditCost(mode: ModeId, generations = 1): number {
  return MODE_SPECS[mode].hdCreditsPerGeneration * generations;
}

const Count = z.number().int().nonnegative();

export const HdCreditsSchema = z.object({
  monthlyAllowance: Count,
  monthlyUsed: Count,
  topUpBalance: Count,
});
export type HdCredits = z.infer<typeof HdCreditsSchema>;

/** The two balances the server reports after each charge. */
export const CreditsRemainingSchema = z.object({ monthly: Count, topUp: Count });
export type CreditsRemaining = z.infer<typeof CreditsRemainingSchema>;

export function creditsRemaining(credits: HdCredits): CreditsRemaining {
  return { monthly: Math.max(0, credits.monthlyAllowance - credits.monthlyUsed), topUp: credits.topUpBalance };
}

/**
 * Charges `cost` monthly-first, then top-up (facts 1.11). Returns null when the balances cannot
 * cover it — the server refuses with 402 and charges nothing.
 */
export function chargeCredits(credits: HdCredits, cost: number): HdCredits | null {
  const { monthly, topUp } = creditsRemaining(credits);
  if (monthly + topUp < cost) return null;
  const fromMonthly = Math.min(monthly, cost);
  return { ...credits, monthlyUsed: credits.monthlyUsed + fromMonthly, topUpBalance: topUp - (cost - fromMonthly) };
}

/** Plan limits (facts 1.11, lib/plan-limits.ts + quota.ts); they apply to hosted features only. */
export const PlanLimitsSchema = z.object({
  hdMonthlyAllowance: Count,
  /** Multiplies the hosted per-minute request rate (free 1, plus 1, pro 2, max 4). */
  rateMultiplier: z.number().positive(),
  /** Hosted generations per minute before the multiplier. */
  hostedRequestsPerMinute: z.number().int().positive(),
  /** Hosted (cloud) workspaces per mode; local workspaces are unlimited. */
  workspacesPerMode: Count,
});
export type PlanLimits = z.infer<typeof PlanLimitsSchema>;

export const AccountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  plan: z.enum(PLAN_IDS),
  hdCredits: HdCreditsSchema,
  limits: PlanLimitsSchema,
  /** When the monthly allowance resets (epoch ms), if the plan has one. */
  periodEnd: z.number().int().nullable().default(null),
});
export type Account = z.infer<typeof AccountSchema>;

/** GET /api/credits */
export const CreditsResponseSchema = z.object({ hdCredits: HdCreditsSchema, plan: z.enum(PLAN_IDS) });
export type CreditsResponse = z.infer<typeof CreditsResponseSchema>;

// ── Generation ──────────────────────────────────────────────────────────────────────────────

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Expected base64.' });

/** POST /api/generate — one HD image (one batch slot); the seed's body plus the desktop's exact size. */
export const HostedGenerateRequestSchema = z.object({
  mode: z.enum(MODE_IDS),
  tool: z.string().min(1).max(64),
  preset: z.string().max(64),
  prompt: z.string().min(1).max(2000),
  negPrompt: z.string().max(1000).nullable(),
  width: z.number().int().min(16).max(2048),
  height: z.number().int().min(16).max(2048),
  seed: z.number().int().nonnegative(),
  /** The batch slot (the seed's variantIndex). */
  variantIndex: z.number().int().min(0).max(15),
  steps: z.number().int().positive().max(150),
  guidance: z.number().nonnegative().max(50),
  hd: z.literal(true),
  /** For image tools (rotate, inpaint); PNG/JPEG bytes. */
  inputImage: z.object({ mime: z.string(), base64: Base64 }).optional(),
  mask: z.object({ mime: z.string(), base64: Base64 }).optional(),
});
export type HostedGenerateRequest = z.infer<typeof HostedGenerateRequestSchema>;

export const HostedGenerateResponseSchema = z.object({
  jobId: z.string().min(1),
  images: z.array(z.object({ mime: z.string().regex(/^image\//), base64: Base64 })).min(1),
  model: z.string(),
  creditsCharged: Count,
  hdCreditsRemaining: CreditsRemainingSchema,
});
export type HostedGenerateResponse = z.infer<typeof HostedGenerateResponseSchema>;

/** POST /api/uiux/generate — code from the hosted LLM; the answer is raw model text (fenced code). */
export const HostedUiuxRequestSchema = z.object({
  prompt: z.string().min(1).max(4000),
  negPrompt: z.string().max(1000).nullable(),
  seed: z.number().int().nonnegative(),
  variantIndex: z.number().int().min(0).max(15),
});
export type HostedUiuxRequest = z.infer<typeof HostedUiuxRequestSchema>;

export const HostedUiuxResponseSchema = z.object({
  jobId: z.string().min(1),
  text: z.string().min(1),
  model: z.string(),
  creditsCharged: Count,
  hdCreditsRemaining: CreditsRemainingSchema,
});
export type HostedUiuxResponse = z.infer<typeof HostedUiuxResponseSchema>;

/** POST /api/prompt/enhance — the hosted prompt engine (the seed's `wokspec` builder); free. */
export const PromptEnhanceRequestSchema = z.object({
  mode: z.enum(MODE_IDS),
  tool: z.string().min(1).max(64),
  preset: z.string().max(64),
  prompt: z.string().min(1).max(2000),
});
export const PromptEnhanceResponseSchema = z.object({ prompt: z.string().min(1), notes: z.array(z.string()).default([]) });
export type PromptEnhanceResponse = z.infer<typeof PromptEnhanceResponseSchema>;

/** GET /api/workspaces?mode= — the account's hosted workspaces (capped per plan). */
export const HostedWorkspacesResponseSchema = z.object({
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), mode: z.enum(MODE_IDS) })),
  limitPerMode: Count,
});

// ── Errors ──────────────────────────────────────────────────────────────────────────────────

/** Every non-2xx /api answer: 401 unauthorized, 402 no_credits, 429 rate_limited (+ Retry-After), 5xx server_error. */
export const HOSTED_ERROR_CODES = ['unauthorized', 'no_credits', 'rate_limited', 'invalid_request', 'not_found', 'server_error'] as const;
export const HostedErrorBodySchema = z.object({
  error: z.object({ code: z.enum(HOSTED_ERROR_CODES), message: z.string() }),
});
export type HostedErrorBody = z.infer<typeof HostedErrorBodySchema>;

// ── OAuth (RFC 6749 §5, RFC 8628 §3.2) ────────────────────────────────────────────────────────

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', { error: 'Only bearer tokens are supported.' }),
  /** Seconds from now (relative, so the desktop's clock does not matter). */
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** RFC 6749 §5.2 plus the device grant's polling errors (RFC 8628 §3.5). */
export const OAuthErrorSchema = z.object({ error: z.string().min(1), error_description: z.string().optional() });
export type OAuthError = z.infer<typeof OAuthErrorSchema>;

/** Longest a device code is waited for, whatever the server says (security review item 5). */
export const DEVICE_CODE_MAX_SECONDS = 30 * 60;

/**
 * A page the user is sent to: https, or plain http only on this computer (the shared rule in
 * url-rules.ts). That it is on the account server's own origin is checked by the OAuth client,
 * which knows the base URL.
 */
const VerificationUriSchema = z.string().url().refine((value) => secretUrlProblem(value) === null, { error: 'The sign-in page must be an https:// address.' });

export const DeviceAuthorizationResponseSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: VerificationUriSchema,
  verification_uri_complete: VerificationUriSchema.optional(),
  /** Capped: a server cannot keep the app polling for hours. */
  expires_in: z.number().positive().transform((seconds) => Math.min(seconds, DEVICE_CODE_MAX_SECONDS)),
  /** Seconds between polls; 5 when absent (RFC 8628 §3.2); at least 1, so a server cannot make us spin. */
  interval: z.number().positive().default(5).transform((seconds) => Math.max(1, seconds)),
});
export type DeviceAuthorizationResponse = z.infer<typeof DeviceAuthorizationResponseSchema>;

// ── What the renderer sees (IPC `account.*`; never a token) ────────────────────────────────

export const SIGN_IN_FLOWS = ['browser', 'device'] as const;
export type SignInFlow = (typeof SIGN_IN_FLOWS)[number];

export const AccountStatusSchema = z.object({
  state: z.enum(['signed_out', 'signing_in', 'signed_in']),
  /** While signing in: which flow, and for the device flow what the user types where. */
  signIn: z
    .object({
      flow: z.enum(SIGN_IN_FLOWS),
      userCode: z.string().nullable(),
      verificationUri: z.string().nullable(),
      verificationUriComplete: z.string().nullable(),
      /** Epoch ms when this attempt gives up. */
      expiresAt: z.number(),
    })
    .nullable(),
  /** The last known account (kept while offline; `stale` says the figures may be old). */
  account: z
    .object({
      name: z.string(),
      email: z.string(),
      plan: z.enum(PLAN_IDS),
      planLabel: z.string(),
      credits: z.object({ monthlyAllowance: Count, monthlyRemaining: Count, topUp: Count, total: Count }),
      limits: PlanLimitsSchema,
      periodEnd: z.number().nullable(),
    })
    .nullable(),
  lastSyncedAt: z.number().nullable(),
  stale: z.boolean(),
  /** Why the figures are stale or the last action failed, in words for the user. */
  message: z.string().nullable(),
  /** Where the hosted service is (the setting, or the production default). */
  baseUrl: z.string(),
  plansUrl: z.string(),
  topUpUrl: z.string(),
});
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** Sent when the balance after a job is not what the successful hosted generations explain. */
export const CreditsDiscrepancySchema = z.object({
  expectedTotal: z.number().int(),
  actualTotal: z.number().int(),
  message: z.string(),
});
export type CreditsDiscrepancy = z.infer<typeof CreditsDiscrepancySchema>;
