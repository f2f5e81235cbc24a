/**
 * A token bucket per provider: requests wait for a token (and can give up through their
 * AbortSignal), so a batch of 16 never bursts past a provider's documented rate. A 429 slows
 * the bucket down — nothing is handed out until its Retry-After has passed, and the refill
 * rate halves — then each success wins back an eighth of the documented rate (additive
 * increase, multiplicative decrease: the way TCP backs off, so we settle just under the
 * provider's real limit instead of bouncing off it).
 */
import { type Clock, systemClock } from './clock';

export interface TokenBucketOptions {
  /** Tokens available at once (the burst). At least 1. */
  readonly capacity: number;
  /** Tokens added per minute at full speed. */
  readonly perMinute: number;
}

export interface TokenBucketState {
  readonly tokens: number;
  readonly perMinute: number;
  /** Epoch ms before which no token is handed out (a Retry-After); 0 when not blocked. */
  readonly blockedUntil: number;
}

/** The slowest a run of 429s can push the bucket: an eighth of the documented rate. */
const MIN_RATE_FRACTION = 1 / 8;

export class TokenBucket {
  private readonly capacity: number;
  private readonly basePerMinute: number;
  private perMinute: number;
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;

  constructor(
    options: TokenBucketOptions,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(options.capacity >= 1) || !(options.perMinute > 0)) {
      throw new RangeError(`A token bucket needs capacity ≥ 1 and a positive rate (got ${options.capacity}, ${options.perMinute}/min).`);
    }
    this.capacity = options.capacity;
    this.basePerMinute = options.perMinute;
    this.perMinute = options.perMinute;
    this.tokens = options.capacity;
    this.updatedAt = clock.now();
  }

  /** Waits until a token is free and takes it; rejects with the signal's reason on abort. */
  async take(signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      const now = this.clock.now();
      this.refill(now);
      if (now < this.blockedUntil) {
        await this.clock.sleep(this.blockedUntil - now, signal);
        continue;
      }
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const msPerToken = 60_000 / this.perMinute;
      await this.clock.sleep(Math.ceil((1 - this.tokens) * msPerToken), signal);
    }
  }

  /** The provider answered 429: hold everything for `retryAfterMs` (or one token's time) and halve the rate. */
  throttled(retryAfterMs?: number): void {
    const now = this.clock.now();
    this.refill(now);
    this.perMinute = Math.max(this.basePerMinute * MIN_RATE_FRACTION, this.perMinute / 2);
    this.tokens = 0;
    const wait = retryAfterMs ?? 60_000 / this.perMinute;
    this.blockedUntil = Math.max(this.blockedUntil, now + Math.max(0, wait));
  }

  /** A request went through: win back part of the rate a 429 took away. */
  succeeded(): void {
    if (this.perMinute >= this.basePerMinute) return;
    this.refill(this.clock.now());
    this.perMinute = Math.min(this.basePerMinute, this.perMinute + this.basePerMinute * MIN_RATE_FRACTION);
  }

  state(): TokenBucketState {
    this.refill(this.clock.now());
    return { tokens: this.tokens, perMinute: this.perMinute, blockedUntil: this.blockedUntil > this.clock.now() ? this.blockedUntil : 0 };
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.perMinute) / 60_000);
  }
}
