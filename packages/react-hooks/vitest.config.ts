import { defineProject } from "vitest/config";

// The source condition resolves @ams-edge/* to their TypeScript sources, so no build is needed.
// Node-environment files (the SSR test) go through the server resolver, which needs it too.
const conditions = ["@ams-edge/source"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "react-hooks",
    environment: "happy-dom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
