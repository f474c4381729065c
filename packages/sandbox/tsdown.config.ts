import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/lib/tsdown-preset.ts";

// `src/cli/cli.ts` is what `bin/ams-edge.js` runs once installed.
export default defineConfig(
  libraryConfig(["src/index.ts", "src/node.ts", "src/fixtures/index.ts", "src/cli/cli.ts"], {
    deps: { neverBundle: [/^node:/] },
  }),
);
