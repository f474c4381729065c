/**
 * Checks that keep `packages/core/README.md` (and the `ts` samples of `docs/*.md`) true to the
 * code, used by `check-packages.ts`: every `ts` example type-checks, the examples marked
 * `<!-- check: run -->` run against the build, the API tables name every export and nothing
 * else, and the errors table lists exactly the `code`s each error class declares.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";

/** What a check found: pass or fail, a short summary, and the details of a failure. */
export interface ReadmeOutcome {
  ok: boolean;
  detail: string;
  output?: string;
}

/** One `ts` code block: its text, whether to run it, and the file name it is checked under. */
export interface Example {
  code: string;
  run: boolean;
  /** Base name of the file the block is written to, e.g. `readme-3`: errors are reported by it. */
  name: string;
}

/**
 * The `ts` code blocks of a Markdown file; a block right after `<!-- check: run -->` is run too.
 * Blocks are named `<prefix>-<n>`, counting from 1.
 */
export function readmeExamples(markdown: string, prefix = "readme"): Example[] {
  const blocks = markdown.matchAll(/(<!-- check: run -->\s*\n)?```ts\n([\s\S]*?)```/g);
  return [...blocks].map((m, i) => ({
    code: m[2] ?? "",
    run: m[1] !== undefined,
    name: `${prefix}-${i + 1}`,
  }));
}

/**
 * Type-checks every example in `folder` against the repository's sources (strict settings).
 *
 * `tsc` runs with `folder` as its working directory, so the examples' errors are printed as
 * `<name>.ts(line,col): error TS…` while errors inside the repository's own sources show up as
 * `../…` paths and are left to those packages' type checks. Bare imports of dependencies
 * (`valibot`) resolve through a `node_modules` link to the repository's.
 */
export function checkExamplesTypes(
  root: string,
  examples: Example[],
  folder: string,
): ReadmeOutcome {
  mkdirSync(folder, { recursive: true });
  const modules = join(folder, "node_modules");
  if (!existsSync(modules)) symlinkSync(join(root, "node_modules"), modules, "dir");
  const files = examples.map((example) => {
    const name = `${example.name}.ts`;
    writeFileSync(join(folder, name), example.code);
    return name;
  });
  const tsconfig = {
    extends: join(root, "tsconfig.base.json"),
    compilerOptions: {
      types: ["node"],
      paths: {
        "@ams-edge/core": [join(root, "packages", "core", "src", "index.ts")],
        "@ams-edge/sandbox": [join(root, "packages", "sandbox", "src", "index.ts")],
      },
    },
    files,
  };
  writeFileSync(join(folder, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = join(root, "node_modules", ".bin", "tsc");
  const r = spawnSync(tsc, ["-p", "tsconfig.json", "--pretty", "false"], {
    cwd: folder,
    encoding: "utf8",
  });
  const printed = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  // Everything but the repository's own sources counts: the examples, and errors of the
  // generated tsconfig or the command line (which would otherwise pass silently).
  const errors = printed
    .split("\n")
    .filter((l) => /error TS\d+/.test(l) && !/^(\.\.\/|\/)/.test(l));
  const ran = r.status !== null && (r.status === 0 || /error TS/.test(printed));
  return {
    ok: ran && errors.length === 0,
    detail: `${examples.length} examples, ${errors.length} type errors`,
    output: ran ? errors.join("\n") : `${printed}${r.error?.message ?? ""}`,
  };
}

/** Bundles each runnable example against the build (no source condition) and runs it in Node. */
export async function runExamples(
  root: string,
  examples: Example[],
  folder: string,
): Promise<ReadmeOutcome> {
  mkdirSync(folder, { recursive: true });
  const runnable = examples.filter((e) => e.run);
  const failures: string[] = [];
  for (const example of runnable) {
    const outfile = join(folder, `${example.name}.mjs`);
    await build({
      stdin: { contents: example.code, resolveDir: root, loader: "ts", sourcefile: "README.md" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "silent",
    });
    const r = spawnSync(process.execPath, [outfile], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    if (r.status !== 0) {
      const first = example.code.split("\n").find((l) => l.startsWith("//")) ?? "";
      failures.push(`${example.name} ${first}: exit ${r.status ?? r.signal}\n${r.stderr}`);
    }
  }
  const ok = runnable.length > 0 && failures.length === 0;
  return {
    ok,
    detail: `${runnable.length} run, ${failures.length} failed`,
    output: failures.join("\n"),
  };
}

/** Every name `@ams-edge/core` exports (values and types), following `export *` from the root. */
export function exportedNames(entry: string): Set<string> {
  const names = new Set<string>();
  const source = readFileSync(entry, "utf8");
  for (const m of source.matchAll(/export\s+\*\s+from\s+"([^"]+)"/g)) {
    for (const name of exportedNames(join(dirname(entry), m[1] ?? ""))) names.add(name);
  }
  for (const m of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? "").split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return names;
}

/** The backticked names in the first column of the tables under `## API`. */
function apiTableNames(readme: string): string[] {
  const api = readme.split(/^## /m).find((section) => section.startsWith("API")) ?? "";
  return api
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Za-z_$][\w$]*)`/g)])
    .map((m) => m[1] ?? "");
}

/** The API tables name every export of the source, and only exports. */
export function checkApiNames(readme: string, exported: Set<string>): ReadmeOutcome {
  const documented = new Set(apiTableNames(readme));
  const missing = [...exported].filter((name) => !documented.has(name)).sort();
  const unknown = [...documented].filter((name) => !exported.has(name)).sort();
  const output = [
    ...(missing.length > 0 ? [`exported but not in the API tables: ${missing.join(", ")}`] : []),
    ...(unknown.length > 0 ? [`in the API tables but not exported: ${unknown.join(", ")}`] : []),
  ].join("\n");
  return {
    ok: output === "",
    detail: `${exported.size} exports, ${missing.length} undocumented, ${unknown.length} unknown`,
    output,
  };
}

/** Each error class of the source with the string literals of its `code` union. */
export function errorCodes(srcDir: string): Map<string, string[]> {
  const sources = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !/\.test(-d)?\.ts$|(^|\/)fixtures\//.test(f))
    .map((f) => readFileSync(join(srcDir, f), "utf8"));
  const all = sources.join("\n");
  const result = new Map<string, string[]>();
  for (const m of all.matchAll(/class\s+(\w+)\s+extends\s+AmsEdgeError<(\w+)>/g)) {
    const union = new RegExp(`type\\s+${m[2]}\\s*=([^;]*);`).exec(all)?.[1] ?? "";
    // A union of string literals, or the keys of a constant table (`keyof typeof TABLE`).
    const table = /keyof\s+typeof\s+(\w+)/.exec(union)?.[1];
    const keys =
      table === undefined
        ? [...union.matchAll(/"([A-Z0-9_]+)"/g)].map((c) => c[1] ?? "")
        : [
            ...(
              new RegExp(`const\\s+${table}\\s*=\\s*\\{([^}]*)\\}`).exec(all)?.[1] ?? ""
            ).matchAll(/^\s*([A-Z0-9_]+):/gm),
          ].map((c) => c[1] ?? "");
    result.set(m[1] ?? "", keys);
  }
  return result;
}

/** The errors table (`| \`Class\` | thrown by | codes |`) lists exactly each class's codes. */
export function checkErrorCodes(readme: string, classes: Map<string, string[]>): ReadmeOutcome {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Errors")) ?? "";
  const rows = new Map<string, string[]>();
  for (const line of section.split("\n").filter((l) => l.startsWith("| `"))) {
    const cells = line.split("|");
    const name = /`(\w+)`/.exec(cells[1] ?? "")?.[1];
    const codes = [...(cells[3] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((c) => c[1] ?? "");
    if (name !== undefined) rows.set(name, codes);
  }
  const problems: string[] = [];
  for (const [name, codes] of classes) {
    const listed = rows.get(name);
    if (listed === undefined) {
      problems.push(`${name}: no row in the errors table`);
      continue;
    }
    const missing = codes.filter((c) => !listed.includes(c));
    const extra = listed.filter((c) => !codes.includes(c));
    if (missing.length > 0) problems.push(`${name}: codes missing ${missing.join(", ")}`);
    if (extra.length > 0) problems.push(`${name}: codes not in the source ${extra.join(", ")}`);
  }
  for (const name of rows.keys()) {
    if (!classes.has(name)) problems.push(`${name}: not an error class of the source`);
  }
  const total = [...classes.values()].reduce((n, codes) => n + codes.length, 0);
  return {
    ok: classes.size > 0 && problems.length === 0,
    detail: `${classes.size} classes, ${total} codes`,
    output: problems.join("\n"),
  };
}
