import { Buffer } from "node:buffer";
import {
  createPrivateKey,
  createPublicKey,
  type JsonWebKeyInput,
  KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
} from "node:crypto";
import type { KeyImport } from "./crypto-provider.ts";
import * as web from "./provider-web.ts";

// RSA256 through node:crypto, picked by the `node` export condition.
//
// Each CryptoKey this provider imported, or an extractable one it was given, maps to a KeyObject
// made once: node:crypto's synchronous sign/verify on a KeyObject is about three times
// WebCrypto's verify rate in Node. A foreign non-extractable CryptoKey has no KeyObject (Node
// deprecates KeyObject.from() for those) and goes through WebCrypto instead.
const keyObjects = new WeakMap<CryptoKey, KeyObject | null>();
// RSA256's hash as node:crypto names it, passed explicitly so that no other hash is accepted.
const DIGEST = "sha256";

function keyObjectOf(key: CryptoKey): KeyObject | null {
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) {
    keyObject = key.extractable ? KeyObject.from(key) : null;
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

function nativeKey(material: KeyImport, usage: "sign" | "verify"): KeyObject {
  if (material.format === "jwk") {
    const input: JsonWebKeyInput = { key: { ...material.data }, format: "jwk" };
    return usage === "sign" ? createPrivateKey(input) : createPublicKey(input);
  }
  // The typings ask for a Buffer; a view over the same memory avoids a copy.
  const data = Buffer.from(
    material.data.buffer,
    material.data.byteOffset,
    material.data.byteLength,
  );
  return usage === "sign"
    ? createPrivateKey({ key: data, format: "der", type: "pkcs8" })
    : createPublicKey({ key: data, format: "der", type: "spki" });
}

/** This provider's name, as reported by `cryptoRuntime`. */
export const providerName = "node";

/**
 * Imports key material as a non-extractable CryptoKey (the currency of the public API) and keeps
 * a KeyObject beside it for the fast path.
 */
export async function importKey(material: KeyImport, usage: "sign" | "verify"): Promise<CryptoKey> {
  const key = await web.importKey(material, usage);
  keyObjects.set(key, nativeKey(material, usage));
  return key;
}

/** Signs `data` with RSASSA-PKCS1-v1_5 / SHA-256, synchronously when a KeyObject is at hand. */
export function sign(
  key: CryptoKey,
  data: Uint8Array<ArrayBuffer>,
): Uint8Array | Promise<Uint8Array> {
  const keyObject = keyObjectOf(key);
  return keyObject === null ? web.sign(key, data) : nodeSign(DIGEST, data, keyObject);
}

/**
 * True only for a valid RSASSA-PKCS1-v1_5 / SHA-256 signature of `data`. The digest is always
 * given as `sha256`, never derived from the signature, so a PKCS#1 signature made with another
 * hash does not verify. node:crypto reads both arrays before returning, and WebCrypto copies
 * them before returning its promise.
 */
export function verify(
  key: CryptoKey,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): boolean | Promise<boolean> {
  const keyObject = keyObjectOf(key);
  return keyObject === null
    ? web.verify(key, signature, data)
    : nodeVerify(DIGEST, data, keyObject, signature);
}
