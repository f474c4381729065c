import { defineProject } from "vitest/config";

// The end-to-end suite runs in Node: it starts the sandbox (in process) and the Worker under
// `wrangler dev` (workerd), and talks to both over real HTTP on 127.0.0.1.
const conditions = ["@ams-edge/source", "node"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "e2e",
    environment: "node",
    // Plus the unit tests of the local stack's scripts (scripts/lib), which this suite runs on.
    include: ["**/*.e2e.test.ts", "../../scripts/lib/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
