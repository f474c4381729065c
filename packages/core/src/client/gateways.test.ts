import { describe, expect, it } from "vitest";
import { resolveGatewayUrl } from "./gateways.ts";

describe("resolveGatewayUrl", () => {
  it.each([
    ["na", "https://open-na.alipay.com"],
    ["na-accelerated", "https://open-na-global.alipay.com"],
    ["sea", "https://open-sea.alipay.com"],
    ["sea-accelerated", "https://open-sea-global.alipay.com"],
    ["eu", "https://open-eu.alipay.com"],
    ["eu-accelerated", "https://open-de-global.alipay.com"],
  ])("maps the region %s to %s", (region, url) => {
    expect(resolveGatewayUrl(region)).toBe(url);
  });

  it.each([
    ["https://open-na.alipay.com/", "https://open-na.alipay.com"],
    ["https://gw.example:8443/prefix//", "https://gw.example:8443/prefix"],
    ["http://localhost:8788", "http://localhost:8788"],
    ["http://127.0.0.1:8788/", "http://127.0.0.1:8788"],
    ["http://[::1]:8788", "http://[::1]:8788"],
  ])("accepts the URL %s as %s", (input, url) => {
    expect(resolveGatewayUrl(input)).toBe(url);
  });

  it.each([
    ["", /region name/],
    ["NA", /neither a region name/],
    ["toString", /neither a region name/],
    ["open-na.alipay.com", /neither a region name/],
    [
      "http://open-na.alipay.com",
      /must use https: \(http: is allowed only for localhost and 127\.0\.0\.1\)/,
    ],
    ["http://192.168.1.10:8788", /must use https/],
    ["ws://127.0.0.1", /must use https/],
    ["https://gw.example/?x=1", /without query/],
    ["https://user:pw@gw.example", /credentials/],
  ])("refuses %j", (input, message) => {
    expect(() => resolveGatewayUrl(input)).toThrow(TypeError);
    expect(() => resolveGatewayUrl(input)).toThrow(message);
  });
});
