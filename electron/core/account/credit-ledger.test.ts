import { describe, expect, it } from 'vitest';
import { chargeCredits, creditsRemaining, hdCreditCost, type HdCredits } from '../../../shared/hosted-api';
import { CreditLedger } from './credit-ledger';

const credits = (monthlyUsed: number, topUpBalance: number, monthlyAllowance = 100): HdCredits => ({ monthlyAllowance, monthlyUsed, topUpBalance });

describe('HD credits', () => {
  it('cost per mode: pixel/business/emoji 1, vector 2, uiux 3 per generation', () => {
    expect([hdCreditCost('pixel'), hdCreditCost('business'), hdCreditCost('emoji'), hdCreditCost('vector'), hdCreditCost('uiux')]).toEqual([1, 1, 1, 2, 3]);
    expect(hdCreditCost('vector', 4)).toBe(8);
  });

  it('are spent monthly first, then top-up, and refused whole when they cannot cover the cost', () => {
    expect(chargeCredits(credits(98, 5), 1)).toEqual(credits(99, 5));
    expect(chargeCredits(credits(99, 5), 3)).toEqual(credits(100, 3));
    expect(chargeCredits(credits(100, 3), 3)).toEqual(credits(100, 0));
    expect(chargeCredits(credits(100, 2), 3)).toBeNull();
    expect(creditsRemaining(credits(120, 0))).toEqual({ monthly: 0, topUp: 0 });
  });
});

describe('CreditLedger', () => {
  it('finds nothing wrong when the balance dropped by exactly what delivered generations cost', () => {
    const ledger = new CreditLedger();
    expect(ledger.reconcile(credits(0, 10), ledger.mark())).toBeNull();
    ledger.callStarted();
    ledger.charged(2);
    ledger.callEnded();
    expect(ledger.reconcile(credits(2, 10), ledger.mark())).toEqual({ expectedTotal: 108, actualTotal: 108, overcharged: 0 });
  });

  it('reports credits taken for work that was not delivered, and accepts a balance that grew', () => {
    const ledger = new CreditLedger();
    ledger.reconcile(credits(0, 0), ledger.mark());
    ledger.callStarted();
    ledger.callEnded(); // a failed call: no charge recorded
    expect(ledger.reconcile(credits(1, 0), ledger.mark())).toEqual({ expectedTotal: 100, actualTotal: 99, overcharged: 1 });
    expect(ledger.reconcile(credits(1, 30), ledger.mark())?.overcharged).toBe(0);
  });

  it('does not compare (or re-base) a sync that overlapped a hosted call', () => {
    const ledger = new CreditLedger();
    ledger.reconcile(credits(0, 0), ledger.mark());
    const mark = ledger.mark();
    ledger.callStarted();
    ledger.charged(1);
    ledger.callEnded();
    expect(ledger.reconcile(credits(0, 0), mark)).toBeNull();
    expect(ledger.reconcile(credits(1, 0), ledger.mark())?.overcharged).toBe(0);
  });
});
