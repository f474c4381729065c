/**
 * Notifications signed before the clock starts, with core's `signTestNotification` and a test
 * key standing in for the provider's: each is ready to send as is, and keeps what a bare
 * `verifySignature` needs to check the very same bytes in-process.
 */
import { parseSignatureHeader, type SignatureContent, signTestNotification } from "@ams-edge/core";
import type { PreparedRequest } from "./http-burst.ts";

/** The notify route's path, as the provider signs it. */
export const NOTIFY_PATH = "/alipay/notify";

/** A signed notification: the request to send and what its signature covers. */
export interface PresignedNotification {
  request: PreparedRequest;
  /** What the signature covers (method, path, client id, request time, body bytes). */
  content: SignatureContent;
  /** The signature value alone, as the `Signature` header carries it after `signature=`. */
  signature: string;
}

/** Options of {@link presignNotifications}. */
export interface PresignOptions {
  /** The notifications' bodies, sent verbatim. */
  bodies: readonly string[];
  /** The test key that plays the provider's. */
  privateKey: string;
  clientId: string;
  /** Signatures computed at once (WebCrypto spreads them over its threads). Default 8. */
  parallel?: number;
}

/** Signs every body; the order of the result is the order of `bodies`. */
export async function presignNotifications(
  options: PresignOptions,
): Promise<PresignedNotification[]> {
  const parallel = options.parallel ?? 8;
  const signed: PresignedNotification[] = [];
  for (let i = 0; i < options.bodies.length; i += parallel) {
    const chunk = options.bodies.slice(i, i + parallel);
    signed.push(...(await Promise.all(chunk.map((body) => signOne(body, options)))));
  }
  return signed;
}

async function signOne(body: string, options: PresignOptions): Promise<PresignedNotification> {
  const parts = await signTestNotification({
    body,
    privateKey: options.privateKey,
    clientId: options.clientId,
    path: NOTIFY_PATH,
  });
  const headers: Record<string, string> = {};
  parts.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    request: { method: "POST", path: NOTIFY_PATH, headers, body: parts.body },
    content: {
      method: "POST",
      path: NOTIFY_PATH,
      clientId: options.clientId,
      requestTime: parts.requestTime,
      body: parts.body,
    },
    signature: parseSignatureHeader(parts.signature).signature,
  };
}
