import { verify } from "#crypto-provider";
import { peekKey } from "../keys/import-key.ts";
import { importPublicKey } from "../keys/import-public-key.ts";
import type { KeyInput } from "../keys/key-input.ts";
import { decodeSignature } from "./decode-signature.ts";
import { type SignatureContent, signatureContent } from "./signature-content.ts";

// Verification runs on every notification and every gateway response. V8 keeps a typed array
// of more than 64 bytes off its heap, and allocating one costs about a microsecond: for the
// content and the signature, a tenth of a node:crypto RSA-2048 verify. So both are written into
// these two buffers, reused from call to call. That is safe because `verify` only borrows its
// arguments (see CryptoProvider): it reads or copies them before it returns, and nothing awaits
// between writing the buffers and calling it. The conformance suite checks this in every runtime
// with many verifications in flight at once. Content that may not fit (byte bodies over about
// 16 KB, string bodies over about 5,000 characters: hashing them dwarfs one allocation) and
// signatures of keys over 8192 bits get fresh arrays.
const contentBuffer = new Uint8Array(16384);
const signatureBuffer = new Uint8Array(1032);

/**
 * Verifies an RSA256 signature over `c`. `signature` may be the whole `Signature` header, the
 * URL-encoded value (either hex case) or plain base64 without `+`. Resolves `false` for any
 * mismatch or undecodable value (including signatures made with SHA-1 or SHA-512); rejects only
 * for a bad key ({@link KeyError}) or an unreadable header ({@link SignatureHeaderError}).
 *
 * @example
 * const ok = await verifySignature(
 *   { method: "POST", path: "/alipay/notify", clientId, requestTime, body: rawBody },
 *   request.headers.get("signature") ?? "",
 *   env.ALIPAY_PUBLIC_KEY,
 * );
 */
export async function verifySignature(
  c: SignatureContent,
  signature: string,
  publicKey: KeyInput,
): Promise<boolean> {
  if (typeof signature !== "string") {
    throw new TypeError("verifySignature: signature must be a string");
  }
  const key = peekKey(publicKey, "public") ?? (await importPublicKey(publicKey));
  // No await from here to `verify`: the buffers hold this call's bytes until it returns.
  const bytes = decodeSignature(signature, signatureBuffer);
  const data = signatureContent(c, contentBuffer);
  return bytes !== undefined && verify(key, bytes, data);
}
