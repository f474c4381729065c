import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/lib/tsdown-preset.ts";

// The crypto providers are entries of their own: `#crypto-provider` stays an import, resolved by
// the consumer's runtime through `imports` in package.json.
export default defineConfig(
  libraryConfig(
    [
      "src/index.ts",
      "src/api/index.ts",
      "src/node/index.ts",
      "src/crypto/provider-node.ts",
      "src/crypto/provider-web.ts",
    ],
    { deps: { neverBundle: [/^node:/, "#crypto-provider"] } },
  ),
);
