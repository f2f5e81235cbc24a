/**
 * Reconciliation of HD credits (pipeline stage 12): between two syncs the balance may drop only
 * by what the hosted generations that *delivered* were charged. A failed or cancelled hosted job
 * must cost nothing, so a balance below that is a discrepancy to report. A balance above it is
 * fine (a top-up bought meanwhile, the monthly allowance renewed).
 *
 * A sync that overlaps a hosted call cannot tell whether the server counted that call yet, so
 * it is not compared (and does not re-base); the next quiet sync compares everything since the
 * last quiet one.
 */
import { creditsRemaining, type HdCredits } from '../../../shared/hosted-api';

export interface Reconciliation {
  readonly expectedTotal: number;
  readonly actualTotal: number;
  /** Credits taken beyond the delivered generations (0 when all is well). */
  readonly overcharged: number;
}

export function totalCredits(credits: HdCredits): number {
  const left = creditsRemaining(credits);
  return left.monthly + left.topUp;
}

/** Taken when a sync request is sent; handed back with its answer. */
export interface LedgerMark {
  readonly epoch: number;
  readonly quiet: boolean;
}

export class CreditLedger {
  private baseline: number | null = null;
  private chargedSince = 0;
  private inFlight = 0;
  /** Counts hosted calls started, so a call that began and ended during a sync is noticed. */
  private epoch = 0;

  callStarted(): void {
    this.inFlight += 1;
    this.epoch += 1;
  }

  callEnded(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** A delivered hosted generation was charged `credits`. */
  charged(credits: number): void {
    this.chargedSince += credits;
  }

  mark(): LedgerMark {
    return { epoch: this.epoch, quiet: this.inFlight === 0 };
  }

  /** Forgets everything (sign-out, another account). */
  clear(): void {
    this.baseline = null;
    this.chargedSince = 0;
  }

  /**
   * The server's balance, fetched with `mark` taken at send time: compared with what the
   * delivered generations explain, then made the new baseline. Null when there is nothing to
   * compare (first sync) or a hosted call overlapped the sync.
   */
  reconcile(actual: HdCredits, mark: LedgerMark): Reconciliation | null {
    if (!mark.quiet || this.inFlight > 0 || mark.epoch !== this.epoch) return null;
    const actualTotal = totalCredits(actual);
    const expectedTotal = this.baseline === null ? null : this.baseline - this.chargedSince;
    this.baseline = actualTotal;
    this.chargedSince = 0;
    return expectedTotal === null ? null : { expectedTotal, actualTotal, overcharged: Math.max(0, expectedTotal - actualTotal) };
  }
}
