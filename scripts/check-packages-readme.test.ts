import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkExamplesTypes, readmeExamples } from "./check-packages-readme.ts";

const root = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "ams-edge-readme-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const markdown = [
  "# Title",
  "```ts",
  'const a: string = "a";',
  "```",
  "<!-- check: run -->",
  "```ts",
  "console.log(1);",
  "```",
  "```sh",
  "npm test",
  "```",
].join("\n");

describe("readmeExamples", () => {
  test("names each ts block after the file and marks the runnable ones", () => {
    expect(readmeExamples(markdown, "docs-guide")).toStrictEqual([
      { code: 'const a: string = "a";\n', run: false, name: "docs-guide-1" },
      { code: "console.log(1);\n", run: true, name: "docs-guide-2" },
    ]);
    expect(readmeExamples(markdown).map((e) => e.name)).toStrictEqual(["readme-1", "readme-2"]);
  });
});

describe("checkExamplesTypes", () => {
  test("fails on an example's type error and resolves the repository's dependencies", () => {
    const examples = [
      {
        name: "readme-1",
        run: false,
        code: [
          'import { toMinorUnits } from "@ams-edge/core";',
          'import * as v from "valibot";',
          'export const minor: string = toMinorUnits("5.99", "USD");',
          "export const schema = v.object({ minor: v.string() });",
          "",
        ].join("\n"),
      },
      {
        name: "readme-2",
        run: false,
        code: 'export const wrong: number = "not a number";\n',
      },
    ];
    const outcome = checkExamplesTypes(root, examples, join(scratch, "broken"));
    expect(outcome).toStrictEqual({
      ok: false,
      detail: "2 examples, 1 type errors",
      output: "readme-2.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    });
  }, 60_000);

  test("passes examples that compile", () => {
    const examples = [
      { name: "docs-a-1", run: false, code: 'export const text: string = "ok";\n' },
      {
        name: "docs-b-1",
        run: false,
        code: 'import * as v from "valibot";\nv.parse(v.string(), "x");\n',
      },
    ];
    expect(checkExamplesTypes(root, examples, join(scratch, "fine"))).toStrictEqual({
      ok: true,
      detail: "2 examples, 0 type errors",
      output: "",
    });
  }, 60_000);
});
