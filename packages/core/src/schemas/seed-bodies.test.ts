import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { SEED_BODIES } from "../fixtures/seed-bodies.ts";
import { findUnknownKeys, parseWithUnknownKeys } from "./find-unknown-keys.ts";
import { NOTIFICATION_ACK, NotificationAckSchema } from "./notification-ack.ts";
import { NotificationSchema } from "./notification-schema.ts";
import { PayRequestSchema } from "./pay-request-schema.ts";

const SCHEMAS = {
  PayRequest: PayRequestSchema,
  Notification: NotificationSchema,
  NotificationAck: NotificationAckSchema,
} as const;

/** The unknown keys each seed body must report: the pages' misspelling of `storeMCC`. */
const EXPECTED_UNKNOWN: Record<string, string[]> = {
  "000-order-code-pay-request": ["order.merchant.store.storeMcc"],
  "001-entry-code-pay-request": ["order.merchant.store.storeMcc"],
  "002-entry-code-pay-request": ["order.merchant.store.storeMcc"],
};

describe("seed bodies", () => {
  it("holds every example body of the three pages", () => {
    expect(SEED_BODIES.map((seed) => seed.id)).toStrictEqual([
      "000-order-code-pay-request",
      "000-payment-result-success",
      "000-payment-result-failure",
      "000-payment-result-signed-content",
      "000-notification-ack",
      "001-entry-code-pay-request",
      "001-payment-result-success",
      "002-entry-code-pay-request",
      "002-payment-result-success",
      "002-payment-result-failure",
      "002-payment-result-signed-content",
      "002-notification-ack",
    ]);
  });

  for (const seed of SEED_BODIES) {
    it(`${seed.id} parses with ${seed.kind}Schema and reports exactly its unknown keys`, () => {
      const body: unknown = JSON.parse(seed.body);
      const schema = SCHEMAS[seed.kind];
      const { unknownKeys } = parseWithUnknownKeys(schema, body);
      expect(unknownKeys).toStrictEqual(EXPECTED_UNKNOWN[seed.id] ?? []);
      expect(findUnknownKeys(schema, body)).toStrictEqual(unknownKeys);
    });
  }

  it("refuses the misspelled storeMcc in a strict parse, naming the key", () => {
    const [seed] = SEED_BODIES;
    const result = v.safeParse(PayRequestSchema, JSON.parse(seed?.body ?? "null"));
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([
      ["order.merchant.store.storeMcc", 'Invalid key: Expected never but received "storeMcc"'],
    ]);
  });

  it("never reads storeMcc as storeMCC", () => {
    const [seed] = SEED_BODIES;
    const { output } = parseWithUnknownKeys(PayRequestSchema, JSON.parse(seed?.body ?? "null"));
    expect(output.order.merchant.store).toStrictEqual({
      referenceStoreId: "S0000000001",
      storeName: "UGG-2",
    });
  });

  it("reports the pages' paymentExpireTime as unknown and never reads it as paymentExpiryTime", () => {
    const [seed] = SEED_BODIES;
    const body = {
      ...JSON.parse(seed?.body ?? "null"),
      paymentExpireTime: "2020-01-01T12:20:00+08:00",
    };
    const { output, unknownKeys } = parseWithUnknownKeys(PayRequestSchema, body);
    expect(unknownKeys).toStrictEqual(["order.merchant.store.storeMcc", "paymentExpireTime"]);
    expect("paymentExpiryTime" in output).toBe(false);
    expect("paymentExpireTime" in output).toBe(false);
  });

  it("keeps the unmodelled fields of a notification in the output", () => {
    const seed = SEED_BODIES.find((s) => s.id === "002-payment-result-success");
    const { output } = parseWithUnknownKeys(NotificationSchema, JSON.parse(seed?.body ?? "null"));
    expect(output).toStrictEqual({
      notifyType: "PAYMENT_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      paymentRequestId: "pay_test_1106_0002",
      paymentId: "20200101234567890132",
      paymentAmount: { value: "8000", currency: "EUR" },
      paymentCreateTime: "2020-01-01T12:01:00+08:30",
      paymentTime: "2020-01-01 12:01:01 +08:30",
    });
  });

  it("has the acknowledgement the pages show", () => {
    for (const seed of SEED_BODIES.filter((s) => s.kind === "NotificationAck")) {
      expect(JSON.parse(seed.body)).toStrictEqual(NOTIFICATION_ACK);
    }
  });
});
