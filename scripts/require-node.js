// Runs before `npm start` and `npm test` (their `pre` scripts), in plain JavaScript so that any
// Node can run it: the repository's scripts are TypeScript that Node runs directly, and they need
// the Node named by `engines` in package.json. On Linux (x64, arm64) and macOS on Intel, `npm ci`
// installs Node 24 into node_modules/.bin (the optional `node-<platform>` packages), which
// `npm run` puts first on PATH; the registry has no such package for macOS on Apple silicon or for
// Windows, where the Node on PATH is the one that runs.
import { readFileSync } from "node:fs";
import process from "node:process";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const minimum = /^>=\s*(\d+)(?:\.(\d+))?/.exec(manifest.engines?.node ?? "");
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const wantMajor = Number(minimum?.[1] ?? 0);
const wantMinor = Number(minimum?.[2] ?? 0);

if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  process.stderr.write(
    `This repository's scripts need Node.js ${wantMajor}.${wantMinor} or newer; npm ran them with ${process.version} (${process.execPath}).\n` +
      "On Linux (x64, arm64) and Intel macOS, `npm ci` installs Node 24 into node_modules/.bin: run it, then try again.\n" +
      "On Apple silicon macOS and Windows, install Node.js 24 (LTS) and put it first on PATH.\n",
  );
  process.exit(1);
}
