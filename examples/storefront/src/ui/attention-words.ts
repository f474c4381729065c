import type { AttentionReason } from "@ams-edge/core/api";

const WORDS: Record<AttentionReason, string> = {
  CANCEL_UNANSWERED: "Alipay never confirmed the cancel.",
  CANCEL_REFUSED: "Alipay refused the cancel and has not given a final result.",
  OUTCOME_UNKNOWN: "Alipay has not said whether the customer paid.",
  RATE_LIMITED: "Alipay kept turning our requests away as too many.",
  REFUND_UNSETTLED: "Alipay has neither confirmed nor refused a refund.",
};

/** What a payment's attention flag means, in words for the cashier (any reason, known or new). */
export function attentionWords(reason: string): string {
  return (
    (WORDS as Record<string, string>)[reason] ?? "Alipay has not given a clear answer about it."
  );
}
