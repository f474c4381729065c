import * as v from "valibot";

/** The parts of a valibot schema that decide which keys an object may have. */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly item?: SchemaNode;
  readonly wrapped?: SchemaNode;
  readonly options?: readonly SchemaNode[];
  readonly key?: string;
  readonly getter?: (input: unknown) => SchemaNode;
}

/** What a walk found: every unknown key, and the input without the keys a strict object refuses. */
interface Scan {
  readonly unknownKeys: string[];
  readonly known: unknown;
}

const OBJECT_TYPES = new Set(["object", "loose_object", "strict_object"]);
const WRAPPER_TYPES = new Set([
  "optional",
  "exact_optional",
  "nullable",
  "nullish",
  "non_optional",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own property, even `__proto__` (which plain assignment would turn into a prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function accepts(schema: SchemaNode, value: unknown): boolean {
  return v.is(schema as unknown as v.GenericSchema, value);
}

/** The member of a variant whose discriminator accepts `value`, or undefined. */
function pickVariant(node: SchemaNode, value: Record<string, unknown>): SchemaNode | undefined {
  for (const option of node.options ?? []) {
    if (option.type === "variant") {
      const nested = pickVariant(option, value);
      if (nested !== undefined) return nested;
    } else {
      const discriminator = node.key === undefined ? undefined : option.entries?.[node.key];
      if (discriminator !== undefined && accepts(discriminator, value[node.key ?? ""])) {
        return option;
      }
    }
  }
  return undefined;
}

function walk(node: SchemaNode, value: unknown, path: string, out: string[]): unknown {
  if (WRAPPER_TYPES.has(node.type) && node.wrapped !== undefined) {
    return value === undefined || value === null ? value : walk(node.wrapped, value, path, out);
  }
  if (node.type === "lazy" && node.getter !== undefined) {
    return walk(node.getter(value), value, path, out);
  }
  if (node.type === "array" && node.item !== undefined && Array.isArray(value)) {
    const item = node.item;
    return value.map((element, index) => walk(item, element, `${path}${index}.`, out));
  }
  if (node.type === "variant" && isRecord(value)) {
    const option = pickVariant(node, value);
    return option === undefined ? value : walk(option, value, path, out);
  }
  if (node.type === "union") {
    const option = node.options?.find((candidate) => accepts(candidate, value));
    return option === undefined ? value : walk(option, value, path, out);
  }
  if (OBJECT_TYPES.has(node.type) && node.entries !== undefined && isRecord(value)) {
    const known: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const entry = Object.hasOwn(node.entries, key) ? node.entries[key] : undefined;
      if (entry === undefined) {
        out.push(`${path}${key}`);
        // A strict object refuses the key; a loose one keeps it as it came.
        if (node.type !== "strict_object") setOwn(known, key, field);
      } else {
        setOwn(known, key, walk(entry, field, `${path}${key}.`, out));
      }
    }
    return known;
  }
  return value;
}

function scan(schema: v.GenericSchema, value: unknown): Scan {
  const unknownKeys: string[] = [];
  const known = walk(schema as unknown as SchemaNode, value, "", unknownKeys);
  return { unknownKeys, known };
}

/**
 * Lists the keys of `value` that `schema` does not declare, as dotted paths (`"a.b.0.c"`), in
 * input order. It looks at keys only: values are not validated, and a branch whose shape does not
 * match (a variant or union with no matching member, a string where an object belongs) is not
 * entered. Works on strict, loose and plain objects alike, so it can tell a misspelled key
 * (`storeMcc` for `storeMCC`) from a correct one whatever the schema does with unknown keys.
 *
 * @example
 * findUnknownKeys(PayRequestSchema, body); // ["order.merchant.store.storeMcc"]
 */
export function findUnknownKeys(schema: v.GenericSchema, value: unknown): string[] {
  return scan(schema, value).unknownKeys;
}

/** What {@link parseWithUnknownKeys} returns. */
export interface ParsedWithUnknownKeys<TSchema extends v.GenericSchema> {
  /** The parsed value: loose objects keep their unknown keys, strict objects leave them out. */
  readonly output: v.InferOutput<TSchema>;
  /** Every key the schema does not declare, as dotted paths (see {@link findUnknownKeys}). */
  readonly unknownKeys: string[];
}

/**
 * Parses `input` with `schema`, treating unknown keys as something to report, not a failure:
 * they are listed in `unknownKeys`, kept in the output by loose objects (responses,
 * notifications) and dropped by strict ones (requests). Any other problem throws valibot's
 * `ValiError`.
 *
 * @example
 * const { output, unknownKeys } = parseWithUnknownKeys(NotificationSchema, JSON.parse(raw));
 * if (unknownKeys.length > 0) log.info("new fields from the gateway", unknownKeys);
 */
export function parseWithUnknownKeys<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ParsedWithUnknownKeys<TSchema> {
  const { unknownKeys, known } = scan(schema, input);
  return { output: v.parse(schema, known), unknownKeys };
}
