import {
  BIT_STRING,
  children,
  INTEGER,
  OCTET_STRING,
  OID,
  readTlv,
  SEQUENCE,
  type Tlv,
} from "./der.ts";

/** The container a DER key blob turned out to be. */
export type KeyContainer = "pkcs8" | "pkcs1-private" | "spki" | "pkcs1-public" | "encrypted-pkcs8";

/** What {@link sniffKeyDer} recognised. */
export interface SniffedKey {
  readonly container: KeyContainer;
  /** `"RSA"` for rsaEncryption keys, else a readable name (or the hex) of the key's OID. */
  readonly algorithm: string;
}

const OID_NAMES: Record<string, string> = {
  "2a864886f70d010101": "RSA",
  "2a864886f70d01010a": "RSA-PSS",
  "2a8648ce3d0201": "EC",
  "2b6570": "Ed25519",
};

function algorithmName(der: Uint8Array, algorithmIdentifier: Tlv): string {
  const oid = readTlv(der, algorithmIdentifier.start, algorithmIdentifier.end);
  let hex = "";
  for (let i = oid?.tag === OID ? oid.start : 0; oid !== undefined && i < oid.end; i++) {
    hex += (der[i] as number).toString(16).padStart(2, "0");
  }
  return OID_NAMES[hex] ?? `OID ${hex}`;
}

/**
 * Recognises a key by its ASN.1 shape alone (bare base64 carries no label): PKCS#8, PKCS#1
 * private, SPKI, PKCS#1 public or encrypted PKCS#8. The key size is checked on the imported key.
 */
export function sniffKeyDer(der: Uint8Array): SniffedKey | undefined {
  const root = readTlv(der, 0);
  const items = root?.tag === SEQUENCE && root.end === der.length ? children(der, root) : undefined;
  const [a, b, c] = items ?? [];
  if (items === undefined || a === undefined || b === undefined) return undefined;
  if (items.every((item) => item.tag === INTEGER)) {
    // RSAPublicKey is (n, e); RSAPrivateKey is (version, n, e, d, p, q, dp, dq, qi, ...).
    if (items.length === 2) return { container: "pkcs1-public", algorithm: "RSA" };
    return items.length >= 9 ? { container: "pkcs1-private", algorithm: "RSA" } : undefined;
  }
  if (a.tag === INTEGER && b.tag === SEQUENCE && c?.tag === OCTET_STRING) {
    return { container: "pkcs8", algorithm: algorithmName(der, b) };
  }
  if (a.tag !== SEQUENCE || items.length !== 2) return undefined;
  if (b.tag === BIT_STRING) return { container: "spki", algorithm: algorithmName(der, a) };
  return b.tag === OCTET_STRING ? { container: "encrypted-pkcs8", algorithm: "?" } : undefined;
}
