/**
 * Builds the `Signature` header value. A plain base64 signature is URL-encoded; an already
 * URL-encoded one (as returned by `createSignature`) is used as it is. `keyVersion` defaults to 1.
 *
 * @example
 * formatSignatureHeader({ signature: await createSignature(content, key) });
 * // "algorithm=RSA256,keyVersion=1,signature=KrwDE9tL…%3D%3D"
 */
export function formatSignatureHeader(p: {
  signature: string;
  keyVersion?: string | number;
}): string {
  const keyVersion = String(p.keyVersion ?? 1);
  if (!/^[^\s,=]+$/.test(keyVersion)) {
    throw new TypeError(
      `formatSignatureHeader: keyVersion must be a bare token, got "${keyVersion}"`,
    );
  }
  if (typeof p.signature !== "string" || p.signature === "") {
    throw new TypeError("formatSignatureHeader: signature must be a non-empty string");
  }
  const signature = /[+/=]/.test(p.signature) ? encodeURIComponent(p.signature) : p.signature;
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${signature}`;
}
