import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

/**
 * Runs the vector suite inside workerd. Vite appends `node` to the SSR conditions even here, so
 * `#crypto-provider` lists `workerd` before `node` (as wrangler's bundler also sees it) and the
 * suite asserts that the WebCrypto provider was picked.
 */
export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: { compatibilityDate: "2026-11-01", compatibilityFlags: ["nodejs_compat"] },
    }),
  ],
  resolve: { conditions: ["@ams-edge/source"] },
  ssr: { resolve: { conditions: ["@ams-edge/source", "workerd", "worker", "browser", "module"] } },
  test: {
    name: "conformance-workerd",
    include: ["*.test.ts"],
  },
});
