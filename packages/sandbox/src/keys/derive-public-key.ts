const RSA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(buffer: ArrayBuffer): string {
  const view = new Uint8Array(buffer);
  let binary = "";
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The public key (bare base64 SPKI) of an RSA private key given as PKCS#8, PEM or bare base64:
 * the forms `keygen` writes and the portal hands out.
 *
 * @example
 * await derivePublicKey(keys.privateKeyPem) === keys.publicKeyBase64; // true
 */
export async function derivePublicKey(privateKey: string): Promise<string> {
  const body = privateKey
    .replace(/-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----/g, "")
    .replace(/\s+/g, "");
  if (/-----BEGIN/.test(body) || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new TypeError(
      'derivePublicKey: expected a PKCS#8 private key (PEM "BEGIN PRIVATE KEY" or bare base64)',
    );
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("pkcs8", base64ToBytes(body), RSA256, true, ["sign"]);
  } catch (cause) {
    throw new TypeError("derivePublicKey: the key is not an RSA private key in PKCS#8 form", {
      cause,
    });
  }
  const jwk = await crypto.subtle.exportKey("jwk", key);
  const publicKey = await crypto.subtle.importKey(
    "jwk",
    { kty: "RSA", n: jwk.n ?? "", e: jwk.e ?? "", ext: true },
    RSA256,
    true,
    ["verify"],
  );
  return bytesToBase64(await crypto.subtle.exportKey("spki", publicKey));
}
