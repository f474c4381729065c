import { sign } from "#crypto-provider";
import { encodeBase64 } from "../crypto/base64.ts";
import { importPrivateKey } from "../keys/import-private-key.ts";
import type { KeyInput } from "../keys/key-input.ts";
import { type SignatureContent, signatureContent } from "./signature-content.ts";

/**
 * Signs `c` with RSA256 and returns the URL-encoded base64 signature, i.e. the value that goes
 * after `signature=` in the `Signature` header. Deterministic: the same key and content always
 * give the same string, byte for byte the official SDKs' output.
 *
 * @example
 * const signature = await createSignature(
 *   { method: "POST", path: "/ams/api/v1/payments/pay", clientId, requestTime: String(Date.now()), body },
 *   env.AMS_PRIVATE_KEY,
 * );
 */
export async function createSignature(c: SignatureContent, privateKey: KeyInput): Promise<string> {
  const data = signatureContent(c);
  const key = await importPrivateKey(privateKey);
  return encodeURIComponent(encodeBase64(await sign(key, data)));
}
