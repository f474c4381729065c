import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../scripts/lib/local-stack.ts";
import { createPayment, view, waitForPayment } from "./worker-client.ts";

let stack: LocalStack;

beforeAll(async () => {
  // As `npm start` runs it: the sandbox's ledger kept in the state folder beside the Worker's.
  stack = await startLocalStack({
    label: "e2e-restart",
    keepSandboxLedger: true,
    sandbox: { timeScale: 0.00001, notifyTimeoutMs: 5000 },
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe("a restart of the local stack", () => {
  it("keeps a payment created before it: the wallet pays it after, and the Worker settles it", async () => {
    const created = await createPayment(stack, "1250");
    expect(created.status).toBe("awaiting_payment");
    const before = stack.sandbox.sandbox.payment(created.paymentRequestId);
    expect(before?.status).toBe("PENDING");

    const oldSandbox = stack.sandbox;
    await stack.restart();
    expect(stack.sandbox).not.toBe(oldSandbox);
    expect(stack.sandbox.url).toBe(oldSandbox.url);

    // The new sandbox knows the payment, with its wallet link, from the ledger file.
    const after = stack.sandbox.sandbox.payment(created.paymentRequestId);
    expect(after).toStrictEqual(before);
    expect((await view(stack, created)).status).toBe("awaiting_payment");
    const wallet = await fetch(`${after?.walletUrl}?scan=false`);
    expect(wallet.status).toBe(200);
    await wallet.arrayBuffer();

    stack.sandbox.sandbox.act(created.paymentRequestId, "pay");
    const done = await waitForPayment(stack, created, (v) => v.status !== "awaiting_payment");
    expect(done.status).toBe("succeeded");
    expect(stack.sandbox.sandbox.notifications(created.paymentRequestId)).toMatchObject([
      { acknowledged: true },
    ]);
  });
});
