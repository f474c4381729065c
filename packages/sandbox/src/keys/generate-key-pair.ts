/** An RSA-2048 key pair in the forms the provider's portal and most tools use. */
export interface GeneratedKeyPair {
  /** PKCS#8 DER, bare base64 (no PEM armour): the portal's form of a private key. */
  readonly privateKeyBase64: string;
  /** The same private key as PEM (`-----BEGIN PRIVATE KEY-----`). */
  readonly privateKeyPem: string;
  /** SPKI DER, bare base64: what to paste into the portal as the public key. */
  readonly publicKeyBase64: string;
  /** The same public key as PEM (`-----BEGIN PUBLIC KEY-----`). */
  readonly publicKeyPem: string;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function toPem(base64: string, label: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * Generates a fresh RSA-2048 key pair (public exponent 65537) for RSASSA-PKCS1-v1_5 with
 * SHA-256, the provider's `RSA256`, using WebCrypto only.
 *
 * @example
 * const keys = await generateKeyPair();
 * console.log(keys.publicKeyBase64); // paste into the portal
 */
export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
    // An RSA algorithm always yields a pair; the union return type is the platform's overloads.
  )) as CryptoKeyPair;
  const privateKeyBase64 = toBase64(
    (await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer,
  );
  const publicKeyBase64 = toBase64(
    (await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer,
  );
  return {
    privateKeyBase64,
    privateKeyPem: toPem(privateKeyBase64, "PRIVATE KEY"),
    publicKeyBase64,
    publicKeyPem: toPem(publicKeyBase64, "PUBLIC KEY"),
  };
}
