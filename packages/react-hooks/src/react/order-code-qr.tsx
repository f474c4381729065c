import { createElement, type ReactNode } from "react";
import { describeAmount, describePaymentState } from "../state/describe-payment-state.ts";
import type { OrderCodeState } from "../stores/create-order-code-store.ts";

/** Props of {@link OrderCodeQr}. */
export interface OrderCodeQrProps {
  /** The state from `useOrderCodePayment`. */
  state: OrderCodeState;
  /** Rendered width and height in CSS pixels (default 256). */
  size?: number;
  /** The QR's accessible name (default: "Alipay payment code for <amount>"). */
  label?: string;
  /** Locale for amounts (default: the runtime's). */
  locale?: string;
  /** Status text for a state (default: {@link describePaymentState}); announced politely. */
  describe?: (state: OrderCodeState) => string;
  className?: string;
}

const countdown = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/**
 * The Order Code as an accessible QR: a labelled SVG (`role="img"`), a `role="timer"` countdown
 * and a polite live region with the status. A barcode code is shown as its text.
 * @example
 * const { state } = useOrderCodePayment();
 * return <OrderCodeQr state={state} />;
 */
export function OrderCodeQr(props: OrderCodeQrProps): ReactNode {
  const { state, size = 256, locale } = props;
  const text = props.describe ? props.describe(state) : describePaymentState(state, locale);
  const awaiting = state.status === "awaiting_scan" ? state : null;
  const qr = awaiting?.qr;
  // createElement rather than JSX: app bundles then need no JSX runtime import for this package.
  return createElement(
    "div",
    { className: props.className, "data-status": state.status },
    qr
      ? createElement(
          "svg",
          {
            role: "img",
            "aria-label": props.label ?? `Alipay payment code for ${describeAmount(state, locale)}`,
            viewBox: `0 0 ${qr.size} ${qr.size}`,
            width: size,
            height: size,
            shapeRendering: "crispEdges",
          },
          createElement("path", { fill: "#fff", d: `M0 0h${qr.size}v${qr.size}H0z` }),
          createElement("path", { fill: "#000", d: qr.path }),
        )
      : awaiting?.code
        ? createElement("p", null, awaiting.code.value)
        : null,
    awaiting
      ? createElement(
          "p",
          { role: "timer", "aria-label": "Time left" },
          countdown(awaiting.secondsLeft),
        )
      : null,
    createElement("p", { "aria-live": "polite" }, text),
  );
}
