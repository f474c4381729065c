import { WorkerError } from "../http/worker-error.ts";

const encoder = new TextEncoder();

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * True when the SHA-256 of `presented` equals one of `hashes`. Every hash is compared, in
 * constant time, so that timing says nothing about which keys exist.
 */
export async function matchesApiKeyHash(
  presented: string,
  hashes: readonly Uint8Array[],
): Promise<boolean> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(presented)));
  let matched = false;
  for (const hash of hashes) {
    if (hash.byteLength === digest.byteLength && crypto.subtle.timingSafeEqual(digest, hash)) {
      matched = true;
    }
  }
  return matched;
}

/** Throws API_KEY_INVALID unless the request carries one of the merchant API keys. */
export async function requireApiKey(
  request: Request,
  hashes: readonly Uint8Array[],
): Promise<void> {
  const token = bearerToken(request);
  if (token === null) {
    throw new WorkerError(
      "API_KEY_INVALID",
      "expected `Authorization: Bearer <merchant API key>`; the request has none",
    );
  }
  if (!(await matchesApiKeyHash(token, hashes))) {
    throw new WorkerError(
      "API_KEY_INVALID",
      "the bearer token is not a merchant API key of this Worker (its SHA-256 is not in API_KEY_HASHES)",
    );
  }
}
