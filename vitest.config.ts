import { defineConfig } from "vitest/config";

// Each package (and each cross-package suite under test/) owns a vitest.config.ts; this file only
// gathers them so that `vitest run` at the root runs every project in one go.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "examples/*/vitest.config.ts",
      "test/*/vitest.config.ts",
      "bench/vitest.config.ts",
    ],
  },
});
