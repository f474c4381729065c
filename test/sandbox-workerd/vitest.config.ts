import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

// workerd's conditions plus the repository's source condition, also on Vitest's own module
// environment: otherwise "node" would win and core's `#crypto-provider` would pick node:crypto.
const conditions = ["@ams-edge/source", "workerd", "worker", "browser", "module"];

/** Smoke-tests the sandbox's fetch handler inside workerd. */
export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: { compatibilityDate: "2026-11-01", compatibilityFlags: ["nodejs_compat"] },
    }),
  ],
  resolve: { conditions },
  environments: { __vitest__: { resolve: { conditions } } },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "sandbox-workerd",
    include: ["*.test.ts"],
  },
});
