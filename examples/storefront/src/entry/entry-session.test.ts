import { afterEach, describe, expect, it } from "vitest";
import { readEntrySession, writeEntrySession } from "./entry-session.ts";

afterEach(() => sessionStorage.clear());

describe("the Entry Code page's payment", () => {
  it("comes from the return URL's parameters first", () => {
    writeEntrySession("demo-store", { paymentRequestId: "ec_stored", statusToken: "t_stored" });
    expect(readEntrySession("demo-store", "?payment=ec_url&token=t_url")).toStrictEqual({
      paymentRequestId: "ec_url",
      statusToken: "t_url",
    });
  });

  it("else from this tab's session, per store", () => {
    writeEntrySession("demo-store", { paymentRequestId: "ec_1", statusToken: "t_1" });
    expect(readEntrySession("demo-store", "")).toStrictEqual({
      paymentRequestId: "ec_1",
      statusToken: "t_1",
    });
    expect(readEntrySession("other-store", "")).toBe(null);
    writeEntrySession("demo-store", null);
    expect(readEntrySession("demo-store", "")).toBe(null);
  });

  it("ignores a half-given URL and unreadable storage", () => {
    expect(readEntrySession("demo-store", "?payment=ec_only")).toBe(null);
    sessionStorage.setItem("ams-edge:entry:demo-store", "{not json");
    expect(readEntrySession("demo-store", "")).toBe(null);
  });
});
