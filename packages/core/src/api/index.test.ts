import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "./index.ts";

const folder = import.meta.dirname;
const sources = readdirSync(folder).filter((f) => f.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(f));

describe("@ams-edge/core/api", () => {
  it("imports nothing but valibot and its own modules, so browsers can take it alone", () => {
    const outside = sources.flatMap((file) =>
      [...readFileSync(join(folder, file), "utf8").matchAll(/from "([^"]+)"/g)]
        .map((m) => m[1])
        .filter((spec) => spec !== "valibot" && !/^\.\/[a-z-]+\.ts$/.test(spec ?? ""))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(outside).toStrictEqual([]);
  });

  it("exports the schemas, constants and patterns of the contract", () => {
    expect(Object.keys(api).sort()).toStrictEqual([
      "ATTENTION_REASONS",
      "AmountViewSchema",
      "AttentionViewSchema",
      "CURRENCY_PATTERN",
      "CreatedPaymentSchema",
      "ErrorBodySchema",
      "LiveMessageSchema",
      "MINOR_UNITS_PATTERN",
      "OrderCodeViewSchema",
      "PAYMENT_SCENARIOS",
      "PAYMENT_STATUSES",
      "PaymentViewSchema",
      "PaymentViewStatusSchema",
      "REFUND_VIEW_STATUSES",
      "RefundListItemSchema",
      "RefundPageSchema",
      "RefundViewSchema",
      "ReviewNotificationPageSchema",
      "ReviewNotificationSchema",
      "TIME_PATTERN",
      "WORKER_ERROR_CODES",
    ]);
  });
});
