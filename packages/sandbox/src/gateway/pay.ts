import { minorUnitDigits, type PayRequestOutput, PayRequestSchema } from "@ams-edge/core";
import type { SandboxRuntime } from "../sandbox/sandbox-runtime.ts";
import type { PaymentRecord } from "../state/payment-record.ts";
import { scheduleCustomer } from "../wallet/customer-actions.ts";
import { magicAmountFor } from "../wallet/magic-amounts.ts";
import { type GatewayAnswer, type GatewayCall, resultOnly } from "./gateway-call.ts";
import { wireResult } from "./result-codes.ts";
import { illegal, validateBody } from "./validate-body.ts";

const MAX_EXPIRY_MS = 30 * 60_000;

// The fields whose change makes a replayed request id an error rather than a replay.
function fingerprintOf(request: PayRequestOutput): string {
  return JSON.stringify([
    request.productCode,
    request.paymentAmount.currency,
    request.paymentAmount.value,
    request.paymentMethod.paymentMethodType,
    request.paymentFactor.inStorePaymentScenario,
  ]);
}

function isPayableCurrency(currency: string): boolean {
  try {
    minorUnitDigits(currency);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function payResponse(runtime: SandboxRuntime, payment: PaymentRecord): string {
  const form =
    payment.scenario === "OrderCode"
      ? {
          orderCodeForm: {
            expireTime: runtime.time(payment.expiresAt),
            codeDetails: [
              { codeValueType: "QRCODE", codeValue: payment.walletUrl, displayType: "TEXT" },
            ],
          },
        }
      : { redirectActionForm: { method: "GET", redirectUrl: payment.walletUrl } };
  return JSON.stringify({
    result: wireResult("SUCCESS"),
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: payment.amount,
    paymentCreateTime: runtime.time(payment.createdAt),
    ...form,
  });
}

/**
 * `pay`: creates the payment and answers with the wallet page as the order code (Order Code) or
 * the redirect (Entry Code). The same request id with the same key fields answers the first
 * answer again; with different key fields, `REPEAT_REQ_INCONSISTENT`.
 */
export async function pay(runtime: SandboxRuntime, call: GatewayCall): Promise<GatewayAnswer> {
  const checked = await validateBody(PayRequestSchema, call.json);
  if (!checked.ok) return resultOnly(checked.result);
  const request = checked.value;
  const target = { paymentRequestId: request.paymentRequestId };
  const fingerprint = fingerprintOf(request);
  const existing = runtime.store.paymentByRequestId(call.clientId, request.paymentRequestId);
  if (existing !== undefined) {
    const replayTarget = { ...target, paymentId: existing.paymentId };
    if (existing.fingerprint !== fingerprint) {
      return resultOnly(
        wireResult(
          "REPEAT_REQ_INCONSISTENT",
          `paymentRequestId "${request.paymentRequestId}" was used for payment ${existing.paymentId} with another amount, currency or scenario.`,
        ),
        replayTarget,
      );
    }
    return { body: existing.payResponseBody, target: replayTarget };
  }

  if (!isPayableCurrency(request.paymentAmount.currency)) {
    return resultOnly(
      wireResult(
        "CURRENCY_NOT_SUPPORT",
        `${request.paymentAmount.currency} is not an ISO 4217 currency with minor units.`,
      ),
      target,
    );
  }
  if (!isHttpUrl(request.paymentNotifyUrl)) {
    return resultOnly(illegal("paymentNotifyUrl", "must be an absolute http or https URL"), target);
  }
  const now = runtime.clock.now();
  let expiresAt = now + runtime.settings.defaultExpiryMs;
  if (request.paymentExpiryTime !== undefined) {
    expiresAt = Date.parse(request.paymentExpiryTime);
    if (expiresAt <= now)
      return resultOnly(illegal("paymentExpiryTime", "must be in the future"), target);
    if (expiresAt - now > MAX_EXPIRY_MS) {
      return resultOnly(illegal("paymentExpiryTime", "must be less than 30 minutes ahead"), target);
    }
  }
  const paymentId = runtime.store.newPaymentId(now);
  const payment: PaymentRecord = {
    clientId: call.clientId,
    paymentId,
    paymentRequestId: request.paymentRequestId,
    scenario: request.paymentFactor.inStorePaymentScenario,
    amount: { currency: request.paymentAmount.currency, value: request.paymentAmount.value },
    fingerprint,
    payResponseBody: "",
    createdAt: now,
    expiresAt,
    notifyUrl: request.paymentNotifyUrl,
    redirectUrl: "paymentRedirectUrl" in request ? (request.paymentRedirectUrl ?? null) : null,
    walletUrl: `${call.baseUrl}/wallet/${paymentId}`,
    orderDescription: request.order.orderDescription,
    merchantName: request.order.merchant.merchantDisplayName ?? request.order.merchant.merchantName,
    storeName: request.order.merchant.store.storeName,
    magic: runtime.settings.magicAmounts
      ? (magicAmountFor(request.paymentAmount.value) ?? null)
      : null,
    status: "PENDING",
    resultCode: null,
    resultMessage: null,
    scannedAt: null,
    finishedAt: null,
    cancelledAt: null,
    reversed: false,
    refunded: 0n,
  };
  const stored: PaymentRecord = { ...payment, payResponseBody: payResponse(runtime, payment) };
  runtime.store.addPayment(stored);
  scheduleCustomer(runtime, stored);
  return {
    body: stored.payResponseBody,
    target: { ...target, paymentId },
    unknown: stored.magic?.firstPayUnknown === true,
  };
}
