import { type BgNbdParams, expectedPurchasesIfAlive, probabilityAlive } from './bgnbd.ts';
import { expectedSpend, type GammaGammaParams } from './gamma-gamma.ts';

export interface ClvOptions {
  /** Months ahead (e.g. 12). */
  horizonMonths: number;
  /** Discount per month, e.g. 0.01 for 1%. */
  monthlyDiscountRate: number;
  /** Model time units in a month: 4.345 for weeks, 30.44 for days. */
  unitsPerMonth: number;
}

/**
 * The purchases the BG/NBD expects over the horizon, each month's (the difference of E[Y]
 * at the month's end and start) discounted back month by month. Times the expected spend
 * per purchase, this is the lifetime value; kept apart so another spend can be used.
 */
export function discountedPurchases(
  bg: BgNbdParams,
  customer: { x: number; tx: number; T: number },
  options: ClvOptions,
): number {
  return discountedPurchasesIfAlive(bg, customer, options) * probabilityAlive(bg, customer.x, customer.tx, customer.T);
}

/** The same for a customer known to be alive: depends on (x, T) only, so it is shared widely. */
export function discountedPurchasesIfAlive(
  bg: BgNbdParams,
  customer: { x: number; T: number },
  options: ClvOptions,
): number {
  let value = 0;
  let before = 0;
  for (let month = 1; month <= options.horizonMonths; month++) {
    const cumulative = expectedPurchasesIfAlive(bg, month * options.unitsPerMonth, customer.x, customer.T);
    value += (cumulative - before) / (1 + options.monthlyDiscountRate) ** month;
    before = cumulative;
  }
  return value;
}

/**
 * A customer's lifetime value over a horizon: for each month, the purchases the BG/NBD
 * expects in it (the difference of E[Y] at the month's end and start) times the
 * Gamma-Gamma expected spend, discounted back month by month.
 */
export function lifetimeValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  customer: { x: number; tx: number; T: number; m: number },
  options: ClvOptions,
): number {
  return expectedSpend(gg, customer.x, customer.m) * discountedPurchases(bg, customer, options);
}
