// Just enough DER to recognise the RSA key containers and rewrap PKCS#1 for WebCrypto; anything
// unexpected yields `undefined` so callers can say what they saw.

/** One DER element: its tag and where its content starts and ends in the buffer. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

// Tags of the RSA key containers, as separate constants so that bundlers inline them.
/** DER tag of INTEGER. */
export const INTEGER = 0x02;
/** DER tag of BIT STRING. */
export const BIT_STRING = 0x03;
/** DER tag of OCTET STRING. */
export const OCTET_STRING = 0x04;
/** DER tag of OBJECT IDENTIFIER. */
export const OID = 0x06;
/** DER tag of SEQUENCE. */
export const SEQUENCE = 0x30;

/** Reads the element at `offset`, definite lengths only, bounded by `limit`. */
export function readTlv(der: Uint8Array, offset: number, limit = der.length): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset] as number;
  let length = der[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] as number);
    start += count;
  }
  const end = start + length;
  return end > limit ? undefined : { tag, start, end };
}

/** The elements directly inside a constructed element, or `undefined` if they do not tile it. */
export function children(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readTlv(der, offset, parent.end);
    if (child === undefined) return undefined;
    out.push(child);
    offset = child.end;
  }
  return out;
}

// Key containers stay below 64 KiB, so two length bytes are always enough.
function lengthBytes(length: number): number[] {
  return length < 0x80
    ? [length]
    : length < 0x100
      ? [0x81, length]
      : [0x82, length >> 8, length & 0xff];
}

/** Encodes one element from its tag and content parts. */
export function encodeTlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const head = [tag, ...lengthBytes(length)];
  const out = new Uint8Array(head.length + length);
  out.set(head, 0);
  let offset = head.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
