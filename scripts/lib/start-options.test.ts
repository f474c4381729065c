import { describe, expect, it } from "vitest";
import { DEFAULT_ORIGINS, parseOrigin, parseStartOptions } from "./start-options.ts";

describe("parseStartOptions", () => {
  it("allows the storefront's dev server, then AMS_EDGE_ORIGINS and every --origin, each once", () => {
    expect(parseStartOptions([], undefined)).toStrictEqual({
      origins: [...DEFAULT_ORIGINS],
      fresh: false,
      help: false,
    });
    expect(
      parseStartOptions(
        ["--origin", "http://localhost:3000/", "--origin=https://shop.example.test", "--fresh"],
        " http://127.0.0.1:4000, http://localhost:3000 http://localhost:5173",
      ),
    ).toStrictEqual({
      origins: [
        "http://127.0.0.1:5173",
        "http://localhost:5173",
        "http://127.0.0.1:4000",
        "http://localhost:3000",
        "https://shop.example.test",
      ],
      fresh: true,
      help: false,
    });
  });

  it("refuses what is not an origin, and unknown options", () => {
    expect(() => parseStartOptions(["--origin", "localhost:3000"], undefined)).toThrow(
      '"localhost:3000" is not an origin; expected a scheme, host and port only, e.g. http://localhost:3000',
    );
    expect(() => parseStartOptions([], "http://localhost:3000/app")).toThrow(
      '"http://localhost:3000/app" is not an origin; expected a scheme, host and port only, e.g. http://localhost:3000',
    );
    expect(() => parseStartOptions(["--origin", "nonsense"], undefined)).toThrow(
      '"nonsense" is not an origin; expected e.g. http://localhost:3000',
    );
    expect(() => parseStartOptions(["--port", "1"], undefined)).toThrow(/Unknown option '--port'/);
  });

  it("keeps an origin as the browser sends it", () => {
    expect(parseOrigin("HTTP://LocalHost:3000")).toBe("http://localhost:3000");
    expect(parseOrigin("https://shop.example.test:443")).toBe("https://shop.example.test");
  });
});
