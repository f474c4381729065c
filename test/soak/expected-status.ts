/**
 * The Worker status the gateway's ledger calls for: the sandbox knows what really happened to
 * the money, so the Worker must agree with it.
 */
import type { SandboxPaymentView } from "@ams-edge/sandbox";
import type { FinalStatus } from "./soak-scenarios.ts";

/** The part of the sandbox's payment view the expectation rests on. */
export type LedgerEntry = Pick<
  SandboxPaymentView,
  "status" | "reversed" | "resultCode" | "expiresAt" | "cancelledAt" | "magic"
>;

/**
 * The final status the Worker must show for a payment in this state at the gateway, or null when
 * the gateway still has it open (nothing is final yet). `merchantCancelled` says whether the
 * merchant asked the Worker to cancel it.
 *
 * @example
 * expectedStatus({ status: "FAIL", resultCode: "ORDER_IS_CLOSED", ... }, false); // "expired"
 */
export function expectedStatus(
  ledger: LedgerEntry,
  merchantCancelled: boolean,
): FinalStatus | null {
  switch (ledger.status) {
    case "PENDING":
    case "PROCESSING":
      return null;
    case "SUCCESS":
      // Magic 761 reports one minor unit less than the order: a success that must not count.
      return ledger.magic?.suffix === "761" ? "mismatch" : "succeeded";
    case "FAIL":
      return ledger.resultCode === "ORDER_IS_CLOSED" ? "expired" : "failed";
    case "CANCELLED": {
      if (ledger.reversed) return "reversed";
      if (merchantCancelled) return "cancelled";
      const cancelledAt = ledger.cancelledAt === null ? 0 : Date.parse(ledger.cancelledAt);
      // Cancelled by the Worker: at expiry, or earlier because pay never got a clear answer.
      return cancelledAt >= Date.parse(ledger.expiresAt) ? "expired" : "failed";
    }
  }
}
