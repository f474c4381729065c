import { describe, expect, it } from "vitest";
import { formatTime } from "./format-time.ts";

const instant = Date.UTC(2026, 0, 31, 23, 59, 58, 123);

describe("formatTime", () => {
  it("writes ISO 8601 to the second with a numeric offset", () => {
    expect(formatTime(instant)).toBe("2026-01-31T23:59:58+00:00");
    expect(formatTime(instant, 480)).toBe("2026-02-01T07:59:58+08:00");
    expect(formatTime(instant, -330)).toBe("2026-01-31T18:29:58-05:30");
  });

  it("adds milliseconds on request", () => {
    expect(formatTime(instant, 330, { milliseconds: true })).toBe("2026-02-01T05:29:58.123+05:30");
  });

  it("parses back to the same second", () => {
    expect(Date.parse(formatTime(instant, 345))).toBe(Math.floor(instant / 1000) * 1000);
  });

  it("refuses an offset that is not whole minutes within ±18 h", () => {
    expect(() => formatTime(instant, 1.5)).toThrow(
      new TypeError("offsetMinutes must be an integer within ±1080; got 1.5"),
    );
    expect(() => formatTime(instant, 1200)).toThrow(TypeError);
  });
});
