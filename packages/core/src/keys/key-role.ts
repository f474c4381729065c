import { KeyError, type KeyErrorCode } from "./key-error.ts";

/** Which half of a key pair a caller asked for. */
export type KeyRole = "private" | "public";

const EXPECTED: Record<KeyRole, string> = {
  private: "your RSA private key",
  public: "the provider's RSA public key",
};

/**
 * Builds a {@link KeyError}: the message names what `role` expects and what was seen; `hint` says
 * what to do (once: the message does not repeat it).
 */
export function keyError(
  code: KeyErrorCode,
  role: KeyRole,
  seen: string,
  hint: string,
  cause?: unknown,
): KeyError {
  return new KeyError(code, `Expected ${EXPECTED[role]}, got ${seen}.`, { hint, cause });
}

/** The error for a password-protected key, PEM or DER. */
export function encryptedError(role: KeyRole): KeyError {
  return keyError(
    "KEY_ENCRYPTED",
    role,
    "an encrypted key",
    "Decrypt it first (openssl pkcs8 -topk8 -nocrypt).",
  );
}
