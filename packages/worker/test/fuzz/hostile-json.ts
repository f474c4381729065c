import fc from "fast-check";

/** A token written into JSON text verbatim: numbers JSON.stringify cannot produce (`1e400`). */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object written with its keys in order, repeats and `__proto__` included. */
export class Entries {
  constructor(readonly entries: readonly (readonly [string, Hostile])[]) {}
}

/** A value that becomes JSON text through {@link jsonText}. */
export type Hostile =
  | null
  | boolean
  | number
  | string
  | Raw
  | Entries
  | readonly Hostile[]
  | { readonly [key: string]: Hostile };

/** JSON text of `value`; Raw tokens and Entries come out exactly as built. */
export function jsonText(value: Hostile): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Entries) {
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;
  }
  if (Array.isArray(value)) return `[${value.map((item: Hostile) => jsonText(item)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as { readonly [key: string]: Hostile };
    return `{${Object.keys(record)
      .map((k) => `${JSON.stringify(k)}:${jsonText(record[k] ?? null)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Number tokens at and beyond the edges of a double: they parse to Infinity, -0, rounded values. */
export const hugeNumber: fc.Arbitrary<Raw> = fc
  .constantFrom(
    "1e400",
    "-1e400",
    "1e308",
    "-0",
    "123456789012345678901234567890",
    "9007199254740993",
    "0.0000000000000000000000001",
    "1.00000000000000000001",
    "5e-324",
    "1E+2",
  )
  .map((text) => new Raw(text));

/** Keys that reach for the prototype chain when code copies objects carelessly. */
export const prototypeKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
);

const scalar: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hugeNumber,
  fc.string({ maxLength: 12 }),
);

/** Any small JSON value, including numbers beyond double precision. */
export const anyJson: fc.Arbitrary<Hostile> = fc.oneof(
  { depthSize: "small" },
  scalar,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Hostile>,
);

/** A JSON value that is not a string. */
export const notString: fc.Arbitrary<Hostile> = anyJson.filter((v) => typeof v !== "string");

/** A JSON value that is not a plain object (arrays, scalars, null). */
export const notObject: fc.Arbitrary<Hostile> = anyJson.filter(
  (v) => v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Raw,
);

/** A JSON value that is not a finite integer from `min` to `max`. */
export function notIntegerIn(min: number, max: number): fc.Arbitrary<Hostile> {
  // A Raw token is a JSON number too: "1E+2" is 100.
  const inRange = (n: number) => Number.isInteger(n) && n >= min && n <= max;
  return fc.oneof(
    notString.filter(
      (v) => typeof v !== "number" && !(v instanceof Raw && inRange(Number(v.text))),
    ),
    fc.string({ maxLength: 6 }),
    fc.integer({ max: min - 1 }),
    fc.integer({ min: max + 1 }),
    fc.double({ min: min, max: max, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.constantFrom(new Raw("1e400"), new Raw("-0"), new Raw("-1e400"), new Raw("1.5e-1")),
  );
}

/**
 * Extra keys for an object: junk names, prototype keys and repeats of nothing the schema reads
 * (`reserved`), each with any value.
 */
export function extraEntries(reserved: readonly string[]): fc.Arbitrary<[string, Hostile][]> {
  const key = fc
    .oneof(prototypeKey, fc.string({ minLength: 1, maxLength: 16 }))
    .filter((k) => !reserved.includes(k));
  return fc.array(fc.tuple(key, anyJson), { maxLength: 4 });
}

/** `{"a":{"a":...}}` or `[[...]]` nested `depth` levels around `inner`. */
export function nestedText(depth: number, kind: "object" | "array", inner = "1"): string {
  return kind === "object"
    ? `${'{"a":'.repeat(depth)}${inner}${"}".repeat(depth)}`
    : `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
}
