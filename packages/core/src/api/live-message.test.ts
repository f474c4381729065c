import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { orderCodeView } from "./fixtures/views.ts";
import { LiveMessageSchema } from "./live-message.ts";

describe("LiveMessageSchema", () => {
  it("accepts the payment message with its whole view", () => {
    const message = { type: "payment", payment: orderCodeView };
    expect(v.parse(LiveMessageSchema, JSON.parse(JSON.stringify(message)))).toStrictEqual(message);
  });

  it("refuses a message of another type, and a payment message without a valid view", () => {
    expect(v.is(LiveMessageSchema, { type: "ping" })).toBe(false);
    expect(v.is(LiveMessageSchema, { type: "payment", payment: { status: "succeeded" } })).toBe(
      false,
    );
  });
});
