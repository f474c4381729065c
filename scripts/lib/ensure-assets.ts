/**
 * The Worker's `[assets]` folder is the storefront's build output (examples/storefront/dist), and
 * wrangler refuses to start when that folder is missing. Until the storefront is built, a
 * placeholder page stands in for it; the storefront build replaces the folder's contents.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Marks the placeholder so that tools can tell it from a real storefront build. */
export const PLACEHOLDER_MARKER = "<!-- ams-edge: storefront placeholder -->";

const placeholderHtml = `<!doctype html>
${PLACEHOLDER_MARKER}
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ams-edge</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>ams-edge Worker</h1>
<p>The storefront has not been built. Build it with
<code>npm run build --workspace @ams-edge/storefront</code>; the Worker serves
<code>examples/storefront/dist</code>.</p>
<p>The Entry Code page works without it: <a href="/pay/demo-store">/pay/demo-store</a>.</p>
</body>
</html>
`;

/** Writes the placeholder page into `dir` (created if needed), e.g. a private assets folder. */
export function writePlaceholderAssets(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), placeholderHtml);
}

/** Absolute path of the assets folder named in wrangler.toml. */
export function assetsDirectory(root: string): string {
  return join(root, "examples", "storefront", "dist");
}

/**
 * Creates the assets folder with a placeholder `index.html` when it does not exist. Returns true
 * when it wrote the placeholder. An existing folder (a real build) is left untouched.
 */
export function ensureAssetsDirectory(root: string): boolean {
  const dir = assetsDirectory(root);
  if (existsSync(join(dir, "index.html"))) return false;
  writePlaceholderAssets(dir);
  return true;
}

// `node scripts/lib/ensure-assets.ts` (used before `wrangler deploy`).
if (import.meta.main) {
  const root = join(import.meta.dirname, "..", "..");
  if (ensureAssetsDirectory(root))
    console.log(`placeholder page written to ${assetsDirectory(root)}`);
}
