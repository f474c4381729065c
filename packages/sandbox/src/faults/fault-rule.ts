/** The gateway operations the sandbox serves. */
export type GatewayApi = "pay" | "inquiryPayment" | "cancel" | "refund" | "inquiryRefund";

/** Every gateway operation, in the order the protocol lists them. */
export const GATEWAY_APIS: readonly GatewayApi[] = [
  "pay",
  "inquiryPayment",
  "cancel",
  "refund",
  "inquiryRefund",
];

/** Faults that change how a notification is delivered. */
export type NotificationFaultKind =
  | "drop-notification"
  | "duplicate-notification"
  | "delay-notification"
  | "reorder-notifications"
  | "corrupt-notification-signature";

/** Faults that change how the gateway answers a call. */
export type GatewayFaultKind =
  | "unknown-result"
  | "traffic-limit"
  | "http-error"
  | "hang"
  | "stall-body"
  | "unsigned-failure"
  | "corrupt-signature";

/** Every fault the sandbox can inject. */
export type FaultKind = NotificationFaultKind | GatewayFaultKind;

/** Every fault kind, notification faults first. */
export const FAULT_KINDS: readonly FaultKind[] = [
  "drop-notification",
  "duplicate-notification",
  "delay-notification",
  "reorder-notifications",
  "corrupt-notification-signature",
  "unknown-result",
  "traffic-limit",
  "http-error",
  "hang",
  "stall-body",
  "unsigned-failure",
  "corrupt-signature",
];

/**
 * One fault to inject. It strikes when its filters match and the seeded random draw falls under
 * `probability`, at most `count` times.
 *
 * @example
 * { kind: "drop-notification", count: 2 }                      // the first two attempts are lost
 * { kind: "http-error", status: 502, apis: ["inquiryPayment"], probability: 0.5 }
 * { kind: "unknown-result", paymentRequestId: "order-42", count: 1 }
 * { kind: "traffic-limit", apis: ["inquiryPayment"], count: 2 }   // turned away, nothing done
 * { kind: "stall-body", apis: ["pay"], count: 1, delayMs: 30000 }  // half a body, then 30 s
 */
export interface FaultRule {
  /** What goes wrong. */
  readonly kind: FaultKind;
  /** Chance of striking each time it could, from 0 to 1 (default 1: every time). */
  readonly probability?: number;
  /** How many times it may strike in all (default: no limit). */
  readonly count?: number;
  /** Gateway faults only: the operations it applies to (default: all; `unknown-result`: pay and inquiryPayment). */
  readonly apis?: readonly GatewayApi[];
  /** Only for the payment with this merchant request id. */
  readonly paymentRequestId?: string;
  /** Only for the payment with this sandbox payment id. */
  readonly paymentId?: string;
  /** `http-error`: the HTTP status to answer with (500 or 502; default 500). */
  readonly status?: 500 | 502;
  /** `unknown-result`: the U result code (default `UNKNOWN_EXCEPTION`). */
  readonly resultCode?: "UNKNOWN_EXCEPTION" | "PAYMENT_IN_PROCESS" | "REQUEST_TRAFFIC_EXCEED_LIMIT";
  /**
   * Milliseconds on the sandbox clock: how late a delayed notification goes out
   * (`delay-notification`, default 1000), how long a hung answer is held at most (`hang`,
   * default `hangMs`), how long the rest of a stalled body is held at most (`stall-body`, default
   * `hangMs`), how long reordered notifications wait for the window to fill
   * (`reorder-notifications`, default 1000).
   */
  readonly delayMs?: number;
  /** `reorder-notifications`: how many notifications are held, then sent newest first (default 2). */
  readonly window?: number;
  /** `unsigned-failure`: keep `response-time` and drop only `signature` (a half-signed answer). */
  readonly partial?: boolean;
}
