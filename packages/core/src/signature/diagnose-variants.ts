// Re-spellings of one value (a time, a JSON body) that signers commonly produce instead of the
// bytes they sent.

/** ISO 8601 at `offsetMinutes`, with or without milliseconds, `Z` or `+00:00` for UTC. */
function iso(ms: number, offsetMinutes: number, millis: boolean, zulu: boolean): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const abs = Math.abs(offsetMinutes);
  const zone =
    offsetMinutes === 0 && zulu
      ? "Z"
      : `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return local.slice(0, 19) + (millis ? local.slice(19, 23) : "") + zone;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Other spellings of the same instant: epoch ms and s, ISO with or without millis, Z or +00:00,
 * and at the offsets signers commonly use.
 */
export function timeVariants(time: string): string[] {
  let ms: number;
  let offset = 0;
  if (/^\d{13}$/.test(time)) ms = Number(time);
  else if (/^\d{10}$/.test(time)) ms = Number(time) * 1000;
  else {
    const match = ISO_TIME.exec(time);
    ms = Date.parse(time);
    if (match === null || Number.isNaN(ms)) return [];
    const [, , sign, hours, minutes] = match;
    if (sign !== undefined) {
      offset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    }
  }
  const out = new Set([String(ms), String(Math.floor(ms / 1000))]);
  // UTC, the value's own offset, and the offsets of the provider's own examples (+08:00, +05:30).
  for (const at of new Set([0, offset, 480, 330])) {
    for (const millis of [false, true]) {
      for (const zulu of [true, false]) out.add(iso(ms, at, millis, zulu));
    }
  }
  out.delete(time);
  return [...out];
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

// Python's ensure_ascii (its default) writes every character outside printable ASCII as a
// lowercase \uXXXX escape, characters beyond the BMP as a surrogate pair: UTF-16 code units.
const escapeNonAscii = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Re-serializations of a JSON body, each with the words that describe it. When two spellings
 * give the same text, the first (more plausible) words are kept, and a spelling identical to
 * `body` itself is left out: it cannot be what differs.
 */
export function bodyVariants(body: string): Array<[string, string]> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const out = new Map<string, string>();
  const add = (text: string, words: string) => {
    if (text !== body && !out.has(text)) out.set(text, words);
  };
  for (const sorted of [false, true]) {
    const v = sorted ? sortKeys(value) : value;
    const keys = sorted ? ", keys sorted" : "";
    const compact = JSON.stringify(v);
    // JSON text has newlines only between tokens, so this yields Python's default ", " / ": ".
    const python = JSON.stringify(v, null, 1).replace(/,\n */g, ", ").replace(/\n */g, "");
    add(compact, `compact JSON${keys}`);
    add(JSON.stringify(v, null, 2), `JSON indented by 2 spaces${keys}`);
    add(JSON.stringify(v, null, 4), `JSON indented by 4 spaces${keys}`);
    add(python, `JSON with ", " and ": " separators (Python's json.dumps)${keys}`);
    add(escapeNonAscii(compact), `compact JSON with non-ASCII as \\u escapes${keys}`);
    add(escapeNonAscii(python), `Python's json.dumps with ensure_ascii${keys}`);
    // What the official Python SDK sends: json.dumps(indent=3), whose separators are "," and
    // ": " when indenting, with its default ensure_ascii.
    add(
      escapeNonAscii(JSON.stringify(v, null, 3)),
      `JSON indented by 3 spaces with non-ASCII as \\u escapes (the official Python SDK's json.dumps)${keys}`,
    );
    add(
      compact.replace(/\//g, "\\/"),
      `compact JSON with escaped slashes (PHP's json_encode)${keys}`,
    );
  }
  return [...out];
}

/** The provider's gateways, for signers that signed the whole URL instead of the path. */
export const GATEWAY_ORIGINS = [
  "open-na.alipay.com",
  "open-sea.alipay.com",
  "open-eu.alipay.com",
  "open-na-global.alipay.com",
  "open-sea-global.alipay.com",
  "open-de-global.alipay.com",
].map((host) => `https://${host}`);
