import { join } from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";
import { ensureAssetsDirectory } from "../../scripts/lib/ensure-assets.ts";
import { TEST_BINDINGS } from "./test/fixtures/test-config.ts";

const root = join(import.meta.dirname, "..", "..");
// wrangler.toml's [assets] folder is the storefront build, which may not exist yet.
ensureAssetsDirectory(root);

// The sources of @ams-edge/core run as they are (the source condition); workerd picks the
// WebCrypto provider ("workerd" before "node").
const conditions = ["@ams-edge/source", "workerd", "worker", "browser"];

export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: join(root, "wrangler.toml") },
      miniflare: {
        bindings: {
          ...TEST_BINDINGS,
          TEST_MIGRATIONS: await readD1Migrations(join(import.meta.dirname, "migrations")),
        },
      },
    }),
  ],
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "worker",
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    setupFiles: ["test/setup/apply-migrations.ts"],
  },
}));
