import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@ams-edge/source", "node"] },
  test: {
    name: "core",
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
