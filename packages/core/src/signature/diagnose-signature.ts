import { verify } from "#crypto-provider";
import { RSA256 } from "../crypto/algorithms.ts";
import { isAmsEdgeError } from "../errors/ams-edge-error.ts";
import { isCryptoKey } from "../keys/check-crypto-key.ts";
import { decodeKeyString } from "../keys/decode-key-string.ts";
import { toImportable } from "../keys/import-key.ts";
import { importPublicKey } from "../keys/import-public-key.ts";
import type { KeyInput } from "../keys/key-input.ts";
import { decodeSignature, isSignatureHeader } from "./decode-signature.ts";
import { parseSignatureHeader } from "./parse-signature-header.ts";
import type { SignatureCause, SignatureDiagnosis } from "./signature-cause.ts";
import { type SignatureContent, signatureContent } from "./signature-content.ts";
import { contentVariants, signatureVariants } from "./signature-variants.ts";

/** What {@link diagnoseSignature} needs: everything a verifier had at hand. */
export interface DiagnoseSignatureInput extends SignatureContent {
  /** The signature as received: whole header, URL-encoded value or base64. */
  signature: string;
  /** The public key the signature was checked with. */
  publicKey: KeyInput;
  /** Your own public key, to tell when it was used in place of the provider's. */
  merchantPublicKey?: KeyInput | undefined;
}

async function modulusOf(input: KeyInput): Promise<string | undefined> {
  try {
    if (typeof input === "string") {
      const [format, der] = toImportable(decodeKeyString(input, "public"), "public");
      const key = await crypto.subtle.importKey(
        format,
        der,
        { name: RSA256.name, hash: RSA256.hash },
        true,
        ["verify"],
      );
      return ((await crypto.subtle.exportKey("jwk", key)) as JsonWebKey).n;
    }
    if (isCryptoKey(input)) {
      return input.extractable
        ? ((await crypto.subtle.exportKey("jwk", input)) as JsonWebKey).n
        : undefined;
    }
    return input.n;
  } catch {
    return undefined;
  }
}

/**
 * Explains a signature that does not verify by trying one plausible change at a time (body
 * re-serialized, time reformatted, path with host or without query, signature encoded twice or
 * not at all, method case, CRLF, the merchant's key in place of the provider's) and reporting
 * which change makes it verify. For troubleshooting only: never accept a request because of it.
 *
 * @example
 * const { valid, causes } = await diagnoseSignature({ ...content, signature, publicKey, merchantPublicKey });
 * for (const c of causes) console.warn(c.cause, c.message);
 */
export async function diagnoseSignature(
  input: DiagnoseSignatureInput,
): Promise<SignatureDiagnosis> {
  const { signature, publicKey, merchantPublicKey, ...fields } = input;
  const content: SignatureContent = {
    method: fields.method,
    path: fields.path,
    clientId: fields.clientId,
    requestTime: fields.requestTime,
    body: fields.body,
  };
  const causes: SignatureCause[] = [];
  if (merchantPublicKey !== undefined) {
    const [mine, theirs] = await Promise.all([modulusOf(merchantPublicKey), modulusOf(publicKey)]);
    if (mine !== undefined && mine === theirs) {
      causes.push({
        cause: "PUBLIC_KEY_IS_MERCHANT_KEY",
        message:
          "The public key used is your own (the merchant's). Verify the provider's signatures with the provider's public key from the portal.",
      });
    }
  }
  let key: CryptoKey;
  try {
    key = await importPublicKey(publicKey);
  } catch (error) {
    causes.push({
      cause: "PUBLIC_KEY_INVALID",
      message: isAmsEdgeError(error)
        ? `${error.message} ${error.hint ?? ""}`.trim()
        : String(error),
    });
    return { valid: false, causes };
  }
  let value = signature.trim();
  if (isSignatureHeader(value)) {
    try {
      value = parseSignatureHeader(value).signature;
    } catch (error) {
      const message = isAmsEdgeError(error)
        ? `${error.message} ${error.hint ?? ""}`.trim()
        : String(error);
      causes.push({ cause: "SIGNATURE_HEADER_INVALID", message });
      return { valid: false, causes };
    }
  }
  const bytes = decodeSignature(value);
  const verifies = async (c: SignatureContent, sig: Uint8Array<ArrayBuffer> | undefined, k = key) =>
    sig !== undefined && (await verify(k, sig, signatureContent(c)));
  if (await verifies(content, bytes)) return { valid: true, causes };
  for (const [cause, message, sig] of signatureVariants(value)) {
    if (await verifies(content, sig)) causes.push({ cause, message });
  }
  for (const variant of contentVariants(content)) {
    if (await verifies(variant.content, bytes)) {
      const { cause, message, change } = variant;
      causes.push(change === undefined ? { cause, message } : { cause, message, variant: change });
    }
  }
  if (merchantPublicKey !== undefined) {
    const merchantKey = await importPublicKey(merchantPublicKey).catch(() => undefined);
    if (
      merchantKey !== undefined &&
      (await verifies(content, bytes, merchantKey)) &&
      causes[0]?.cause !== "PUBLIC_KEY_IS_MERCHANT_KEY"
    ) {
      causes.push({
        cause: "SIGNED_WITH_MERCHANT_KEY",
        message:
          "It was signed with the merchant's private key: the signer holds your key, not the provider's, or you are verifying your own request.",
      });
    }
  }
  if (causes.length === 0) {
    causes.push({
      cause: "UNKNOWN",
      message:
        "No single change makes it verify: the content differs in another way, the bytes were altered, or the key is not the signer's.",
    });
  }
  return { valid: false, causes };
}
