import { defineProject } from "vitest/config";

// The storefront's own unit tests (pure helpers and storage), in happy-dom. The pages themselves
// are tested end to end in Chromium by test/browser/.
const conditions = ["@ams-edge/source"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "storefront",
    root: import.meta.dirname,
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
});
