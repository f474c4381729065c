import { describe, expect, it } from "vitest";
import { matchRoute } from "./match-route.ts";

describe("matchRoute", () => {
  it("maps the root to the till", () => {
    expect(matchRoute("/")).toStrictEqual({ page: "pos" });
    expect(matchRoute("/index.html")).toStrictEqual({ page: "pos" });
  });

  it("reads the store id of the customer and print pages, with or without a trailing slash", () => {
    expect(matchRoute("/entry/demo-store")).toStrictEqual({ page: "entry", storeId: "demo-store" });
    expect(matchRoute("/print/store_2/")).toStrictEqual({ page: "print", storeId: "store_2" });
  });

  it("refuses other paths and store ids the Worker would refuse", () => {
    expect(matchRoute("/pay/demo-store")).toStrictEqual({ page: "not-found" });
    expect(matchRoute("/entry/")).toStrictEqual({ page: "not-found" });
    expect(matchRoute("/entry/a%20b")).toStrictEqual({ page: "not-found" });
    expect(matchRoute("/entry/demo-store/extra")).toStrictEqual({ page: "not-found" });
  });
});
