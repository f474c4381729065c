import { defineProject } from "vitest/config";

// Tests run in Vite's server-side environment, whose conditions come from `ssr.resolve`: the
// source condition there makes "@ams-edge/core" load from its TypeScript sources.
const conditions = ["@ams-edge/source", "node"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "sandbox",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // A safety net for the CLI tests, which start Node processes on a shared machine; nothing
    // asserts on time.
    testTimeout: 30_000,
  },
});
