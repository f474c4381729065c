import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/lib/tsdown-preset.ts";

export default defineConfig(libraryConfig(["src/index.ts", "src/merchant/index.ts"]));
