import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

/**
 * The storefront builds to `dist/`, which the Worker serves as its static assets (wrangler.toml
 * `[assets]`). The `@ams-edge/source` condition bundles the workspace packages from their
 * TypeScript sources, so no package has to be built first.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@ams-edge/source", ...defaultClientConditions] },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
});
