import { createWorkerClient } from "@ams-edge/react-hooks";
import { describe, expect, it } from "vitest";
import { isStoreInfo, loadStoreInfo } from "./store-info.ts";

const DEMO = {
  storeId: "demo-store",
  name: "Demo Cafe",
  currency: "USD",
  entryCode: { minValue: "100", maxValue: "50000" },
};

/** A Worker that answers each request from `answers`, in turn, and records what it was asked. */
function fakeWorker(answers: Response[]) {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      authorization: new Headers(init?.headers).get("authorization"),
    });
    const answer = answers.shift();
    if (answer === undefined) throw new TypeError("no more answers");
    return answer;
  };
  const client = createWorkerClient({ baseUrl: "https://pay.test", fetch, apiKey: "merchant-key" });
  return { client, calls };
}

describe("isStoreInfo", () => {
  it("accepts the Worker's store answer, with or without Entry Code", () => {
    expect(isStoreInfo(DEMO)).toBe(true);
    expect(isStoreInfo({ ...DEMO, entryCode: null })).toBe(true);
  });

  it("refuses other shapes", () => {
    expect(isStoreInfo(null)).toBe(false);
    expect(isStoreInfo({ ...DEMO, currency: "usd" })).toBe(false);
    expect(isStoreInfo({ ...DEMO, entryCode: { minValue: 1, maxValue: "5" } })).toBe(false);
    const { entryCode: _entryCode, ...withoutEntryCode } = DEMO;
    expect(isStoreInfo(withoutEntryCode)).toBe(false);
  });
});

describe("loadStoreInfo", () => {
  it("asks the Worker once per store, without the API key", async () => {
    const { client, calls } = fakeWorker([Response.json(DEMO)]);
    const first = await loadStoreInfo(client, "demo-store");
    const second = await loadStoreInfo(client, "demo-store");
    expect([first, second]).toStrictEqual([DEMO, DEMO]);
    expect(calls).toStrictEqual([
      { url: "https://pay.test/api/stores/demo-store", authorization: null },
    ]);
  });

  it("rejects with the Worker's error, and asks again next time", async () => {
    const { client, calls } = fakeWorker([
      Response.json({ error: { code: "UNKNOWN_STORE", message: "no store" } }, { status: 404 }),
      Response.json({ ...DEMO, storeId: "late-store" }),
    ]);
    await expect(loadStoreInfo(client, "late-store")).rejects.toMatchObject({
      code: "HTTP_STATUS",
      status: 404,
      serverCode: "UNKNOWN_STORE",
    });
    expect((await loadStoreInfo(client, "late-store")).storeId).toBe("late-store");
    expect(calls).toHaveLength(2);
  });

  it("rejects an answer of another shape as RESPONSE_MALFORMED", async () => {
    const { client } = fakeWorker([Response.json({ storeId: "demo-store" })]);
    await expect(loadStoreInfo(client, "odd-store")).rejects.toMatchObject({
      code: "RESPONSE_MALFORMED",
    });
  });
});
