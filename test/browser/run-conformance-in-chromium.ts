/**
 * Bundles the conformance page with esbuild and runs it in headless Chromium. The page is served
 * by request interception at a loopback address, which makes it a secure context (WebCrypto's
 * `crypto.subtle` exists only there) without a server.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { launchChromium } from "./chromium.ts";
import type { ConformanceReport } from "./conformance-report.ts";

const ORIGIN = "http://127.0.0.1:9";

/** The conformance page as one browser script. */
export async function bundleConformancePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, "conformance-page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    conditions: ["@ams-edge/source"],
    target: "es2022",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output for the conformance page");
  return output.text;
}

/** Runs every conformance case in Chromium and returns the page's report. */
export async function runConformanceInChromium(): Promise<ConformanceReport> {
  const script = await bundleConformancePage();
  const chromium = await launchChromium();
  try {
    await chromium.context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/conformance.js") {
        return route.fulfill({ contentType: "text/javascript", body: script });
      }
      return route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><meta charset="utf-8"><title>ams-edge conformance</title><script src="/conformance.js"></script>',
      });
    });
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${ORIGIN}/`);
    const ready = await page.evaluate(
      () => typeof Reflect.get(globalThis, "amsEdgeConformance") === "function",
    );
    if (!ready)
      throw new Error(
        `the conformance page did not load: ${errors.join("; ") || "no error reported"}`,
      );
    return await page.evaluate(() =>
      (Reflect.get(globalThis, "amsEdgeConformance") as () => Promise<ConformanceReport>)(),
    );
  } finally {
    await chromium.close();
  }
}
