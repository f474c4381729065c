/**
 * The core vector and key suites inside Chromium, one test per case, next to the same suites in
 * Node, workerd, Deno and Bun. Chromium runs while the file loads, so that each case becomes its
 * own test; if it cannot run, the file fails to load and counts as a failure.
 */
import { describe, expect, test } from "vitest";
import { runConformanceInChromium } from "./run-conformance-in-chromium.ts";

const report = await runConformanceInChromium();

describe("inside Chromium", () => {
  test("the page ran every case of the vector and key suites", () => {
    expect(report.outcomes.length).toBeGreaterThanOrEqual(150);
    expect(report.userAgent).toMatch(/HeadlessChrome|Chrome/);
  });

  for (const outcome of report.outcomes) {
    test(outcome.name, () => {
      if (outcome.error !== null) throw new Error(outcome.error);
    });
  }
});
