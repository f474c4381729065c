import { notificationMeaning, signTestNotification, verifyNotification } from "@ams-edge/core";
import { TEST_ALIPAY_PRIVATE_KEY, TEST_ALIPAY_PUBLIC_KEY } from "@ams-edge/sandbox/test-keys";
import { describe, expect, it } from "vitest";
import { ODD_NOTIFICATIONS, oddNotification, providerFailureBody } from "./odd-notifications.ts";

const IDS = { paymentRequestId: "ik01", paymentId: "2026010111000000001", amount: "1250" };

/** What core makes of `body` once verified, as the Worker's notify route does. */
async function meaningOf(body: string) {
  const request = await signTestNotification({
    body,
    privateKey: TEST_ALIPAY_PRIVATE_KEY,
    clientId: "SOAK",
    url: "http://127.0.0.1/alipay/notify",
  });
  const verified = await verifyNotification(request, { alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY });
  return notificationMeaning(verified, 1);
}

describe("odd notification bodies", () => {
  it("each one verifies, applies to nothing here, and names the payment only where it is kept", async () => {
    const seen = [];
    for (const odd of ODD_NOTIFICATIONS) {
      const meaning = await meaningOf(odd.body(IDS));
      const reason = "reason" in meaning ? meaning.reason : null;
      const event = meaning.kind === "payment" ? meaning.event : null;
      const named = meaning.kind === "refund" ? null : meaning.paymentRequestId;
      seen.push([
        odd.kind,
        reason,
        event?.paymentRequestId ?? null,
        named === IDS.paymentRequestId,
      ]);
    }
    expect(seen).toStrictEqual(
      ODD_NOTIFICATIONS.map((odd) =>
        // A result for a payment the Worker does not hold is refused only where it is matched.
        odd.kind === "payment-unknown"
          ? [odd.kind, null, "ik01-elsewhere", false]
          : [odd.kind, odd.reason, null, odd.storedIn === "payment"],
      ),
    );
  });

  it("writes the amount as a number, and the currency in lower case, as named", () => {
    const parsed = (kind: Parameters<typeof oddNotification>[0]) =>
      JSON.parse(oddNotification(kind).body(IDS)).paymentAmount;
    expect([parsed("amount-as-number"), parsed("currency-lower-case")]).toStrictEqual([
      { currency: "USD", value: 1250 },
      { currency: "usd", value: "1250" },
    ]);
  });
});

describe("providerFailureBody", () => {
  it("has the provider's failure shape, without paymentAmount", async () => {
    const body = providerFailureBody(IDS, "USER_BALANCE_NOT_ENOUGH");
    expect(body).toBe(
      '{"notifyType":"PAYMENT_RESULT","result":{"resultCode":"USER_BALANCE_NOT_ENOUGH","resultStatus":"F","resultMessage":"user balance not enough"},"paymentRequestId":"ik01","paymentId":"2026010111000000001"}',
    );
    const meaning = await meaningOf(body);
    expect(meaning.kind === "payment" ? meaning.event : null).toStrictEqual({
      type: "notification",
      at: 1,
      paymentRequestId: "ik01",
      paymentId: "2026010111000000001",
      resultCode: "USER_BALANCE_NOT_ENOUGH",
      paymentTime: null,
      resultStatus: "F",
      paymentAmount: null,
    });
  });
});
