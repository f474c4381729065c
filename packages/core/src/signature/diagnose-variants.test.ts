import { describe, expect, test } from "vitest";
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../fixtures/official-python-sdk.ts";
import { bodyVariants } from "./diagnose-variants.ts";

const vector = (id: string) => {
  const found = OFFICIAL_PYTHON_SDK_VECTORS.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no vector ${id}`);
  return found;
};

describe("bodyVariants", () => {
  test("keeps the first words when spellings coincide and never offers the body itself", () => {
    // ASCII only, no "/", keys already sorted: several spellings give the same text.
    const body = '{\n  "a": 1,\n  "b": "x"\n}';
    expect(bodyVariants(body)).toStrictEqual([
      ['{"a":1,"b":"x"}', "compact JSON"],
      ['{\n    "a": 1,\n    "b": "x"\n}', "JSON indented by 4 spaces"],
      ['{"a": 1, "b": "x"}', `JSON with ", " and ": " separators (Python's json.dumps)`],
      [
        '{\n   "a": 1,\n   "b": "x"\n}',
        "JSON indented by 3 spaces with non-ASCII as \\u escapes (the official Python SDK's json.dumps)",
      ],
    ]);
  });

  test("names sorted keys, escaped slashes and \\u escapes when they change the text", () => {
    const words = new Map(bodyVariants('{"z":"a/b","a":"é"}'));
    expect(words.get('{"a":"é","z":"a/b"}')).toBe("compact JSON, keys sorted");
    expect(words.get('{"z":"a\\/b","a":"é"}')).toBe(
      "compact JSON with escaped slashes (PHP's json_encode)",
    );
    expect(words.get('{"z":"a/b","a":"\\u00e9"}')).toBe(
      "compact JSON with non-ASCII as \\u escapes",
    );
    expect(words.has('{"z":"a/b","a":"é"}')).toBe(false);
  });

  test("rebuilds the official Python SDK's body from its compact re-serialization", () => {
    // neg-04 is pos-01's SDK body (json.dumps, indent=3, ensure_ascii) sent compactly.
    const sdk = vector("pos-01-ordercode-pay-sdk-body").body;
    const compact = vector("neg-04-body-reserialised-compact").body;
    expect(new Map(bodyVariants(compact)).get(sdk)).toBe(
      "JSON indented by 3 spaces with non-ASCII as \\u escapes (the official Python SDK's json.dumps)",
    );
    expect(new Map(bodyVariants(sdk)).get(compact)).toBe(
      "compact JSON with non-ASCII as \\u escapes",
    );
  });

  test("offers nothing for a body that is not JSON", () => {
    expect(bodyVariants("a=1&b=2")).toStrictEqual([]);
  });
});
