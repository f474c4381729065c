import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      /** The D1 migrations, read in Node by vitest.config.ts and applied by the setup file. */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
