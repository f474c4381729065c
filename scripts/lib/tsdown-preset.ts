/**
 * The build of every published package (`tsdown` in each package folder, or `npm run build` at the
 * root): ESM JavaScript for Node 20 and every Web runtime, one output file per source module, and
 * declarations emitted by the repository's own TypeScript (7, the native compiler) through
 * rolldown-plugin-dts's `tsgo` generator. The schemas are valibot values whose types TypeScript
 * infers, so `isolatedDeclarations` (oxc's faster generator) cannot describe them.
 */
import type { UserConfig } from "tsdown";

/** The shared options; `entry` lists the package's public modules (the rest follow imports). */
export function libraryConfig(entry: string[], options: UserConfig = {}): UserConfig {
  return {
    entry,
    format: "esm",
    platform: "neutral",
    target: "es2023",
    unbundle: true,
    outDir: "dist",
    clean: true,
    // One line per build instead of one per emitted file.
    report: false,
    sourcemap: false,
    fixedExtension: false,
    tsconfig: "tsconfig.build.json",
    dts: { generator: "tsgo" },
    ...options,
  };
}
