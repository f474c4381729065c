#!/usr/bin/env node
// Launches the ams-edge CLI from its TypeScript sources: Node's type stripping runs the .ts files,
// and a resolve hook adds the "@ams-edge/source" condition so that "@ams-edge/core" also loads
// from source, without a build.
import * as nodeModule from "node:module";
import process from "node:process";

if (!process.features.typescript || typeof nodeModule.registerHooks !== "function") {
  process.stderr.write(
    `ams-edge needs Node.js 22.18 or newer (it runs its TypeScript sources directly); this is ${process.version}.\n` +
      'From the repository root, "npx ams-edge" uses the Node.js the project installs.\n',
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

const { main } = await import("../src/cli/cli.ts");
process.exitCode = await main(process.argv.slice(2));
