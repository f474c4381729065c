/** Key material a provider imports: DER for `pkcs8` / `spki`, an object for `jwk`. */
export type KeyImport =
  | { format: "pkcs8" | "spki"; data: Uint8Array<ArrayBuffer> }
  | { format: "jwk"; data: JsonWebKey };

/**
 * The shape of a provider module: a runtime's way to run RSA256. Keys are always non-extractable
 * WebCrypto `CryptoKey`s; a provider may keep a faster native handle beside each key it
 * imported. Every provider passes the same vectors; `package.json` imports (`#crypto-provider`)
 * pick one per runtime. Each member is a separate export so that bundles keep only what they use.
 */
export interface CryptoProvider {
  /** `"web"` for WebCrypto, `"node"` for node:crypto. */
  readonly providerName: "web" | "node";
  /** Imports RSASSA-PKCS1-v1_5 / SHA-256 key material, non-extractable, for one usage. */
  importKey(material: KeyImport, usage: "sign" | "verify"): Promise<CryptoKey>;
  /** Signs `data` with RSASSA-PKCS1-v1_5 / SHA-256 (synchronously where the runtime can). */
  sign(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>;
  /**
   * True only for a valid RSASSA-PKCS1-v1_5 / SHA-256 signature of `data`. Both arrays are
   * borrowed: the caller may overwrite them as soon as `verify` returns, so a provider that
   * reads them later (after an `await`, in a job) must copy them first.
   */
  verify(
    key: CryptoKey,
    signature: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
  ): boolean | Promise<boolean>;
}
