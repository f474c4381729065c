#!/usr/bin/env node
// Starts the ams-edge CLI. Installed from npm, it runs the JavaScript build (dist/) on the Node.js
// versions that package.json's `engines` names. In a checkout of the repository (no node_modules
// in its path) it runs the TypeScript sources instead, so that nothing needs building first: Node's
// type stripping loads the .ts files and a resolve hook adds the "@ams-edge/source" condition, so
// that "@ams-edge/core" loads from source too.
import { readFileSync } from "node:fs";
import * as nodeModule from "node:module";
import process from "node:process";

/** `[major, minor]` of a version such as `v20.19.1` or `20.19`. */
const parse = (version) =>
  version
    .replace(/^[^\d]*/, "")
    .split(".")
    .map(Number)
    .slice(0, 2);
const atLeast = (version, minimum) => {
  const [major = 0, minor = 0] = parse(version);
  const [wantMajor = 0, wantMinor = 0] = parse(minimum);
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
};

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
// `engines.node` is ">=X" or ">=X.Y": the one minimum this package promises to run on.
const minimum = /^>=\s*(\d+(?:\.\d+)?)/.exec(manifest.engines?.node ?? "")?.[1] ?? "0";
const fromSource = !import.meta.url.includes("/node_modules/");

if (!atLeast(process.version, minimum)) {
  process.stderr.write(
    `ams-edge needs Node.js ${minimum} or newer; this is ${process.version}. Install a current Node.js (24 LTS is tested) and run it again.\n`,
  );
  process.exit(2);
}

if (fromSource) {
  if (!process.features.typescript || typeof nodeModule.registerHooks !== "function") {
    process.stderr.write(
      `In a checkout of the repository, ams-edge runs its TypeScript sources and needs Node.js 22.18 or newer; this is ${process.version}.\n` +
        'From the repository root, "npx ams-edge" uses the Node.js the project installs (node_modules/.bin/node).\n',
    );
    process.exit(2);
  }
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      const conditions = context.conditions.includes("@ams-edge/source")
        ? context.conditions
        : [...context.conditions, "@ams-edge/source"];
      return nextResolve(specifier, { ...context, conditions });
    },
  });
}

const cli = fromSource ? "../src/cli/cli.ts" : "../dist/cli/cli.js";
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
