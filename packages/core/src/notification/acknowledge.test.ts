import { describe, expect, it } from "vitest";
import { acknowledge } from "./acknowledge.ts";

describe("acknowledge", () => {
  it("is HTTP 200 JSON with exactly the provider's ack body", async () => {
    const response = acknowledge();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    await expect(response.text()).resolves.toBe(
      '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}',
    );
  });

  it("gives a fresh response each time (a body can be read only once)", async () => {
    const first = acknowledge();
    await first.text();
    await expect(acknowledge().text()).resolves.toContain('"SUCCESS"');
  });
});
