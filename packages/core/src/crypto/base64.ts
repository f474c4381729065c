// A lookup-table codec: atob/btoa are slow in Node (and atob is lenient about padding), and
// decoding sits on every verification.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes standard, padded base64; `undefined` when `text` is not exactly that. With `escaped`,
 * `%2B`, `%2F` and `%3D` (either hex case) stand for `+`, `/` and `=`, as in a URL-encoded
 * signature, and a literal `+` is refused: form decoding, which the provider applies, turns it
 * into a space. With `into`, the bytes are written into it when they surely fit, and the result
 * is a view of it. One pass, no intermediate string: this runs on every verification.
 */
export function decodeBase64(
  text: string,
  escaped = false,
  into?: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> | undefined {
  const size = (text.length >> 2) * 3 + 3;
  const out = into && into.length >= size ? into : new Uint8Array(size);
  let quad = 0;
  let count = 0;
  let length = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (escaped && code === 37) {
      // Bit 0x20 lower-cases the hex letter: "%2B" and "%2b" alike.
      const high = text.charCodeAt(i + 1);
      const low = text.charCodeAt(i + 2) | 0x20;
      code =
        high === 50
          ? low === 98
            ? 43
            : low === 102
              ? 47
              : -1
          : high === 51 && low === 100
            ? 61
            : -1;
      i += 2;
    } else if (escaped && code === 43) {
      return undefined;
    }
    let value = 0;
    if (code === 61) {
      padding++;
    } else {
      value = code >= 0 && code < 128 ? (VALUES[code] as number) : -1;
      // Nothing but more "=" may follow the padding.
      if (value < 0 || padding > 0) return undefined;
    }
    quad = (quad << 6) | value;
    if (++count === 4) {
      // Typed-array stores keep the low 8 bits.
      out[length] = quad >> 16;
      out[length + 1] = quad >> 8;
      out[length + 2] = quad;
      length += 3;
      count = 0;
      quad = 0;
    }
  }
  return count === 0 && padding <= 2 ? out.subarray(0, length - padding) : undefined;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const quad = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt(quad >> 18) + ALPHABET.charAt((quad >> 12) & 63);
    out +=
      b === undefined
        ? "=="
        : ALPHABET.charAt((quad >> 6) & 63) + (c === undefined ? "=" : ALPHABET.charAt(quad & 63));
  }
  return out;
}
