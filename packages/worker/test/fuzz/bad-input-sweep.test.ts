import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import { ClientAddresses } from "./client-addresses.ts";
import {
  entryBodyCases,
  entryMethodCases,
  entryStoreCases,
  hostileAddressCases,
  rateLimitedCases,
} from "./entry-cases.ts";
import { createFixtures, type FuzzFixtures } from "./fuzz-fixtures.ts";
import { sweepTotals } from "./fuzz-harness.ts";
import { listQueryCases } from "./list-query-cases.ts";
import {
  createBodyCases,
  createShapeCases,
  MERCHANT_BODY_LIMIT,
  ORDER,
} from "./merchant-create-cases.ts";
import { authCases, statusTokenCases } from "./merchant-route-cases.ts";
import {
  cancelCases,
  merchantMethodCases,
  missingPaymentCases,
  refundCases,
} from "./merchant-target-cases.ts";
import { notJsonCases, wrongShapeCases } from "./notify-body-cases.ts";
import {
  contentTypeCases,
  forgedCases,
  headerCases,
  methodCases,
  oversizedCases,
} from "./notify-header-cases.ts";
import { acknowledgedCases, deepCases, prototypeCases } from "./notify-kept-cases.ts";
import { StorageGuard } from "./storage-guard.ts";
import { entrySweep, httpSweep, notifySweep } from "./sweep-runners.ts";
import { transportCases } from "./transport-cases.ts";

// The acceptance floor: hostile inputs per run across the three surfaces. The runs per class
// below add up to more; every input is checked on its own (status, body, storage).
const MINIMUM_INPUTS = 10_000;
// Room for a loaded machine: these are whole sweeps of hundreds of requests, not speed checks.
const LIMIT = { timeout: 240_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

async function setUp(): Promise<{ fx: FuzzFixtures; guard: StorageGuard }> {
  const fx = await createFixtures();
  const ids = [fx.paid.paymentRequestId, fx.failed.paymentRequestId];
  return { fx, guard: await StorageGuard.take(fx.sandbox, ids) };
}

describe("bad-input sweep: POST /alipay/notify", () => {
  it(
    "refuses missing, malformed and forged signatures, oversized bodies and other methods, whatever the media type",
    LIMIT,
    async () => {
      const { fx, guard } = await setUp();
      await notifySweep(guard, headerCases(fx), 400);
      await notifySweep(guard, forgedCases(fx), 400);
      await notifySweep(guard, contentTypeCases(fx), 250);
      await notifySweep(guard, oversizedCases(fx), 100);
      await notifySweep(guard, methodCases(fx), 100);
    },
  );

  it(
    "keeps and acknowledges signed bodies that are not JSON, not UTF-8 or of a shape it does not know",
    LIMIT,
    async () => {
      const { fx, guard } = await setUp();
      await notifySweep(guard, notJsonCases(fx), 450);
      await notifySweep(guard, wrongShapeCases(fx), 800);
    },
  );

  it(
    "keeps prototype keys and deep nesting inert, and keeps valid notifications of other kinds",
    LIMIT,
    async () => {
      const { fx, guard } = await setUp();
      await notifySweep(guard, prototypeCases(fx), 250);
      await notifySweep(guard, deepCases(fx), 60);
      await notifySweep(guard, acknowledgedCases(fx), 200);
    },
  );
});

describe("bad-input sweep: merchant API", () => {
  it("refuses missing and wrong keys and status tokens on every route", LIMIT, async () => {
    const { fx, guard } = await setUp();
    await httpSweep("merchant", guard, authCases(fx), 800);
    await httpSweep("merchant", guard, statusTokenCases(fx), 300);
  });

  it("refuses malformed, wrongly typed and out-of-bounds payments", LIMIT, async () => {
    const { guard } = await setUp();
    await httpSweep("merchant", guard, createBodyCases(), 1300);
    await httpSweep("merchant", guard, createShapeCases(), 150);
    const target = {
      label: "create",
      path: "/api/payments",
      headers: [["authorization", `Bearer ${TEST_API_KEY}`]] as [string, string][],
      acceptedBody: JSON.stringify(ORDER),
      textField: "description",
      limitBytes: MERCHANT_BODY_LIMIT,
      touches: [],
    };
    await httpSweep("merchant", guard, transportCases(target), 400);
  });

  it(
    "refuses unknown payments, other methods, bad list filters, and refunds or cancels the fixtures cannot take",
    LIMIT,
    async () => {
      const { fx, guard } = await setUp();
      await httpSweep("merchant", guard, missingPaymentCases(), 300);
      await httpSweep("merchant", guard, merchantMethodCases(fx), 300);
      await httpSweep("merchant", guard, listQueryCases(), 600);
      await httpSweep("merchant", guard, refundCases(fx), 500);
      const refunds = {
        label: "refund",
        path: `/api/payments/${fx.paid.paymentRequestId}/refunds`,
        headers: [["authorization", `Bearer ${TEST_API_KEY}`]] as [string, string][],
        acceptedBody: JSON.stringify({
          amount: { currency: "USD", value: "100" },
          reason: "Fuzzed refund",
        }),
        textField: "reason",
        limitBytes: MERCHANT_BODY_LIMIT,
        touches: [fx.paid.paymentRequestId],
      };
      await httpSweep("merchant", guard, transportCases(refunds), 150);
      await httpSweep("merchant", guard, cancelCases(fx), 100);
    },
  );
});

describe("bad-input sweep: Entry Code API", () => {
  it(
    "refuses unknown stores, malformed and out-of-bounds amounts, spent addresses and other methods",
    LIMIT,
    async () => {
      const { guard } = await setUp();
      const addresses = new ClientAddresses();
      await entrySweep(guard, addresses, entryStoreCases(), 800);
      await entrySweep(guard, addresses, entryBodyCases(), 900);
      await entrySweep(guard, addresses, hostileAddressCases(), 120);
      await entrySweep(guard, addresses, rateLimitedCases(), 500);
      await entrySweep(guard, addresses, entryMethodCases(), 200);
    },
  );
});

describe("bad-input sweep: totals", () => {
  it(`sent at least ${MINIMUM_INPUTS} inputs across the three surfaces, none answered 5xx`, () => {
    const totals = sweepTotals();
    console.log(
      [
        `bad-input sweep: ${totals.inputs} inputs, ${totals.serverErrors} answered 5xx`,
        ...Object.entries(totals.surfaces).map(
          ([surface, t]) => `  ${surface}: ${t.inputs} inputs (${t.statuses})`,
        ),
      ].join("\n"),
    );
    expect(totals.serverErrors).toBe(0);
    expect(totals.inputs).toBeGreaterThanOrEqual(MINIMUM_INPUTS);
  });
});
