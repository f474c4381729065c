import { describe, test, vi } from "vitest";
import { keySuite } from "../../../../test/conformance/key-suite.ts";
import { providerCase, vectorSuite } from "../../../../test/conformance/vector-suite.ts";
import * as core from "../index.ts";

// Node would pick the node:crypto provider; this file swaps in the WebCrypto one so that both
// providers pass every vector in Node too.
vi.mock("#crypto-provider", () => import("./provider-web.ts"));

describe("conformance suites in Node with the WebCrypto provider", () => {
  for (const c of [providerCase(core, "web"), ...vectorSuite(core), ...keySuite(core)]) {
    test(c.name, c.run);
  }
});
