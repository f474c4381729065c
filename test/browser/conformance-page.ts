/**
 * The page side of the conformance run: bundled for the browser (esbuild, platform `browser`,
 * condition `@ams-edge/source`, so `#crypto-provider` is the WebCrypto provider) and loaded into
 * Chromium, where it runs the same vector and key suites as Node, workerd, Deno and Bun.
 */
import * as core from "@ams-edge/core";
import { keySuite } from "../conformance/key-suite.ts";
import { providerCase, vectorSuite } from "../conformance/vector-suite.ts";
import type { ConformanceReport } from "./conformance-report.ts";

async function runConformance(): Promise<ConformanceReport> {
  const outcomes: ConformanceReport["outcomes"] = [];
  for (const c of [providerCase(core, "web"), ...vectorSuite(core), ...keySuite(core)]) {
    try {
      await c.run();
      outcomes.push({ name: c.name, error: null });
    } catch (error) {
      outcomes.push({
        name: c.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { cryptoRuntime: core.cryptoRuntime, userAgent: navigator.userAgent, outcomes };
}

Object.assign(globalThis, { amsEdgeConformance: runConformance });
