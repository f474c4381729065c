/**
 * Post-build step of `@ams-edge/core`: rewrites relative `.ts` / `.mts` / `.cts` import
 * specifiers in emitted declaration files to `.js` / `.mjs` / `.cjs`.
 *
 * `rewriteRelativeImportExtensions` rewrites only the JavaScript; declaration emit keeps the
 * source extensions. TypeScript maps `./x.ts` to `./x.d.ts` inside a `.d.ts`, but Deno and some
 * editors do not, so a consumer of the built package there would see no types at all.
 *
 * Usage: `node scripts/rewrite-declaration-imports.ts <folder>` (prints how many files changed).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const jsExtension: Record<string, string> = { ts: "js", mts: "mjs", cts: "cjs" };

// A specifier right after `from`, `import` or `import(`; only relative ones, never `x.d.ts`.
const specifier =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.([mc]?ts)\2/g;

/** Returns `source` with every relative TypeScript specifier pointing at its JavaScript twin. */
export function rewriteDeclarationImports(source: string): string {
  return source
    .split("\n")
    .map((line) => {
      // TSDoc examples may quote imports: only code lines are touched.
      const trimmed = line.trimStart();
      if (trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("/*")) {
        return line;
      }
      return line.replace(
        specifier,
        (whole, lead: string, quote: string, path: string, ext: string) =>
          path.endsWith(".d") ? whole : `${lead}${quote}${path}.${jsExtension[ext] ?? ext}${quote}`,
      );
    })
    .join("\n");
}

function declarationFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.d\.[mc]?ts$/.test(name))
    .map((name) => join(folder, name));
}

function main(): number {
  const folder = process.argv[2];
  if (folder === undefined) {
    console.error("usage: node scripts/rewrite-declaration-imports.ts <folder>");
    return 2;
  }
  let changed = 0;
  for (const file of declarationFiles(folder)) {
    const before = readFileSync(file, "utf8");
    const after = rewriteDeclarationImports(before);
    if (after !== before) {
      writeFileSync(file, after);
      changed += 1;
    }
  }
  console.log(`declaration imports: rewrote ${changed} file(s) under ${folder}`);
  return 0;
}

if (import.meta.main) process.exitCode = main();
