/** What the simulated customer does on its own when a payment's amount is a magic amount. */
export interface MagicAmount {
  /** The last three digits of `paymentAmount.value` (minor units) that select it. */
  readonly suffix: string;
  /** One line for the README and the inspection API. */
  readonly description: string;
  /** The customer scans the code this many ms after pay (sandbox clock). */
  readonly scanAfterMs?: number;
  /** The customer pays this many ms after pay. */
  readonly payAfterMs?: number;
  /** The customer's wallet declines this many ms after pay, with {@link MagicAmount.declineCode}. */
  readonly declineAfterMs?: number;
  /** The failure code of a scripted decline. */
  readonly declineCode?: string;
  /** The first pay call answers U `UNKNOWN_EXCEPTION` (the payment is still created). */
  readonly firstPayUnknown?: boolean;
  /** No notification is ever sent: the merchant must inquire. */
  readonly silent?: boolean;
  /** The paid amount reported (notification and inquiry) is one minor unit short. */
  readonly shortPaid?: boolean;
}

/**
 * Amounts that script the customer, like test card numbers: the last three digits of the value
 * in minor units decide (USD `"1701"` is $17.01 and pays on its own). Every other amount waits
 * for the wallet page or the `POST /sandbox/payments/:id/...` API.
 */
export const MAGIC_AMOUNTS: readonly MagicAmount[] = [
  {
    suffix: "701",
    description: "scans at once, pays after 100 ms",
    scanAfterMs: 0,
    payAfterMs: 100,
  },
  { suffix: "702", description: "scans at once, pays after 3 s", scanAfterMs: 0, payAfterMs: 3000 },
  {
    suffix: "711",
    description: "scans at once, declines after 100 ms with USER_BALANCE_NOT_ENOUGH",
    scanAfterMs: 0,
    declineAfterMs: 100,
    declineCode: "USER_BALANCE_NOT_ENOUGH",
  },
  {
    suffix: "712",
    description: "scans at once, declines after 100 ms with RISK_REJECT",
    scanAfterMs: 0,
    declineAfterMs: 100,
    declineCode: "RISK_REJECT",
  },
  { suffix: "721", description: "scans at once, never pays: closes at expiry", scanAfterMs: 0 },
  {
    suffix: "731",
    description:
      "the first pay call answers U UNKNOWN_EXCEPTION (the payment exists; a retry answers S)",
    firstPayUnknown: true,
  },
  {
    suffix: "741",
    description: "scans at once, pays after 100 ms, and no notification is ever sent",
    scanAfterMs: 0,
    payAfterMs: 100,
    silent: true,
  },
  {
    suffix: "761",
    description: "scans at once, pays after 100 ms, but one minor unit short (amount mismatch)",
    scanAfterMs: 0,
    payAfterMs: 100,
    shortPaid: true,
  },
];

/**
 * The magic amount a value in minor units selects, if any.
 *
 * @example
 * magicAmountFor("1701")?.payAfterMs; // 100
 * magicAmountFor("599"); // undefined
 */
export function magicAmountFor(value: string): MagicAmount | undefined {
  return MAGIC_AMOUNTS.find((magic) => value.endsWith(magic.suffix));
}
