import type { PaymentStatus } from "@ams-edge/react-hooks";

/** How a status looks in lists: a word and a colour family. */
export interface StatusLabel {
  text: string;
  tone: "success" | "danger" | "pending" | "neutral";
}

const LABELS: Record<PaymentStatus, StatusLabel> = {
  creating: { text: "Creating", tone: "pending" },
  awaiting_payment: { text: "Waiting", tone: "pending" },
  succeeded: { text: "Paid", tone: "success" },
  failed: { text: "Declined", tone: "danger" },
  cancelled: { text: "Cancelled", tone: "neutral" },
  expired: { text: "Expired", tone: "neutral" },
  reversed: { text: "Reversed", tone: "danger" },
  mismatch: { text: "Check amount", tone: "danger" },
};

/** The label of a payment status from the Worker. */
export function paymentStatusLabel(status: PaymentStatus): StatusLabel {
  return LABELS[status];
}
