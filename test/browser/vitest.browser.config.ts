import { defineProject } from "vitest/config";

/**
 * The browser suite. Its file name keeps it out of the root `vitest run` (which gathers
 * `test/*\/vitest.config.ts`): it needs Chromium and the whole local stack, so it runs as its own
 * step (`node test/browser/run.ts`, the "browser" step of `npm test`).
 */
const conditions = ["@ams-edge/source", "node"];

export default defineProject({
  root: import.meta.dirname,
  // Vite's cache under the repository's node_modules, not a new node_modules here.
  cacheDir: new URL("../../node_modules/.vite/browser", import.meta.url).pathname,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "browser",
    environment: "node",
    include: ["*.browser.test.ts"],
    // One Chromium and one stack at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
