import { join } from "node:path";
import { defineProject } from "vitest/config";

// The hooks' own test suite, run again against React 18 (the oldest React their peer range
// allows). React, ReactDOM and Testing Library are this folder's own dependencies: the hooks'
// sources and tests are pointed at them, and Testing Library, loaded from here by Node, finds
// React 18 beside it. One React instance, version 18.
const conditions = ["@ams-edge/source"];
const here = import.meta.dirname;
const modules = join(here, "node_modules");

export default defineProject({
  resolve: {
    conditions,
    alias: [
      { find: /^react$/, replacement: join(modules, "react", "index.js") },
      { find: /^react\/(.*)$/, replacement: join(modules, "react", "$1.js") },
      { find: /^react-dom$/, replacement: join(modules, "react-dom", "index.js") },
      { find: /^react-dom\/(.*)$/, replacement: join(modules, "react-dom", "$1.js") },
      {
        find: /^@testing-library\/react$/,
        replacement: join(modules, "@testing-library", "react", "dist", "index.js"),
      },
    ],
  },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "react-hooks-react18",
    root: join(here, "..", "..", "packages", "react-hooks"),
    environment: "happy-dom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "../../test/react18/*.test.tsx"],
  },
});
