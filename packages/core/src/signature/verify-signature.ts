import { verify } from "#crypto-provider";
import { peekKey } from "../keys/import-key.ts";
import { importPublicKey } from "../keys/import-public-key.ts";
import type { KeyInput } from "../keys/key-input.ts";
import { decodeSignature } from "./decode-signature.ts";
import { type SignatureContent, signatureContent } from "./signature-content.ts";

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
  const data = signatureContent(c);
  const key = peekKey(publicKey, "public") ?? (await importPublicKey(publicKey));
  const bytes = decodeSignature(signature);
  return bytes !== undefined && verify(key, bytes, data);
}
