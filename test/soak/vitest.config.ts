import { defineProject } from "vitest/config";

// Unit tests of the soak runner's pure parts (plan, checks, summary). The soak itself is a
// program (`npm run soak`, and the `soak` step of `npm test`), not a Vitest suite.
const conditions = ["@ams-edge/source", "node"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "soak",
    environment: "node",
    include: ["*.test.ts"],
  },
});
