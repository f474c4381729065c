import { describe, expect, it } from "vitest";
import { call } from "./helpers/worker-http.ts";

describe("GET /api/stores/:storeId", () => {
  it("answers the store's name, currency and Entry Code bounds, without its private settings", async () => {
    const response = await call("/api/stores/test-store");
    expect([response.status, response.headers.get("cache-control")]).toStrictEqual([
      200,
      "public, max-age=60",
    ]);
    expect(await response.json()).toStrictEqual({
      storeId: "test-store",
      name: "Test Store",
      currency: "USD",
      entryCode: { minValue: "100", maxValue: "50000" },
    });
  });

  it("answers entryCode null for a store without Entry Code, and keeps returnPath private", async () => {
    expect(await (await call("/api/stores/no-entry-store")).json()).toStrictEqual({
      storeId: "no-entry-store",
      name: "Order Code Only",
      currency: "USD",
      entryCode: null,
    });
    expect(await (await call("/api/stores/kiosk-store")).json()).toStrictEqual({
      storeId: "kiosk-store",
      name: "Kiosk Tokyo",
      currency: "JPY",
      entryCode: { minValue: "100", maxValue: "30000" },
    });
  });

  it("needs no API key, allows the configured origins, and answers 404 for an unknown store", async () => {
    const allowed = await call("/api/stores/test-store", {
      headers: { origin: "https://pos.ams-edge.test" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://pos.ams-edge.test");
    const missing = await call("/api/stores/nowhere");
    expect([missing.status, await missing.json()]).toStrictEqual([
      404,
      {
        error: {
          code: "UNKNOWN_STORE",
          // A public route: the other stores are not listed.
          message: 'no store "nowhere"; check the store ID in the URL or the printed code',
        },
      },
    ]);
  });
});
