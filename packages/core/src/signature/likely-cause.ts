import { verify } from "#crypto-provider";
import {
  bodyChanges,
  clientIdChanges,
  methodChanges,
  pathShapeChanges,
  type Variant,
} from "./content-changes.ts";
import type { SignatureCause } from "./signature-cause.ts";
import { type SignatureContent, signatureContent } from "./signature-content.ts";

/**
 * The most plausible reason a signature that a receiver checked does not verify, found cheaply:
 * the candidates are string work (the body re-serialized, whitespace, the client id, the path),
 * tried in order of plausibility with one RSA verification each, stopping at the first that
 * verifies. `otherPath` is a second path worth trying (the request's own path when a configured
 * one was used). When none verifies, the key is the likely cause: the content is the bytes
 * received, so either the key is not the signer's or something altered them on the way.
 */
export async function likelyCause(
  content: SignatureContent,
  signature: Uint8Array<ArrayBuffer>,
  key: CryptoKey,
  otherPath?: string,
): Promise<SignatureCause> {
  // What a receiver itself can get wrong, most plausible first: a body parser in front of it, a
  // client id read with a newline, a path rewritten by a proxy or router. The time and the
  // signature's encoding are taken verbatim from the headers, so their variants are left out.
  const variants: Variant[] = [
    ...bodyChanges(content),
    ...clientIdChanges(content),
    ...pathShapeChanges(content),
    ...methodChanges(content).filter((v) => v.cause === "METHOD_MISMATCH"),
  ];
  if (otherPath !== undefined && otherPath !== content.path) {
    variants.push({
      cause: "PATH_MISMATCH",
      message: `It verifies over the path the request arrived on, "${otherPath}": the configured \`path\` is not the one the provider signed.`,
      content: { ...content, path: otherPath },
      change: { path: otherPath },
    });
  }
  for (const { cause, message, content: changed, change } of variants) {
    if (await verify(key, signature, signatureContent(changed))) {
      return change === undefined ? { cause, message } : { cause, message, variant: change };
    }
  }
  return {
    cause: "PUBLIC_KEY_NOT_SIGNERS",
    message:
      "No change of body, client id, path or method makes it verify: most likely `alipayPublicKey` is not the key the provider signed with (your own public key, or the other environment's), or something on the way altered the bytes.",
  };
}
