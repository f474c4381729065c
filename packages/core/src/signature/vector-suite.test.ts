import { describe, test } from "vitest";
import { keySuite } from "../../../../test/conformance/key-suite.ts";
import { providerCase, vectorSuite } from "../../../../test/conformance/vector-suite.ts";
import * as core from "../index.ts";

// The same suites that run in workerd, Deno and Bun; in Node the `node` condition picks the
// node:crypto provider.
describe("conformance suites in Node with the node:crypto provider", () => {
  for (const c of [providerCase(core, "node"), ...vectorSuite(core), ...keySuite(core)]) {
    test(c.name, c.run);
  }
});
