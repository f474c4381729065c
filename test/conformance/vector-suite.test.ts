import * as core from "@ams-edge/core";
import { describe, test } from "vitest";
import { keySuite } from "./key-suite.ts";
import { providerCase, vectorSuite } from "./vector-suite.ts";

describe("inside workerd", () => {
  const cases = [providerCase(core, "web"), ...vectorSuite(core), ...keySuite(core)];
  for (const c of cases) test(c.name, c.run);
});
