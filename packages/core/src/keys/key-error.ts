import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/** Stable codes of {@link KeyError}. */
export type KeyErrorCode =
  | "KEY_EMPTY"
  | "KEY_NOT_PRIVATE"
  | "KEY_NOT_PUBLIC"
  | "KEY_NOT_RSA"
  | "KEY_TOO_SHORT"
  | "KEY_BASE64_INVALID"
  | "KEY_PEM_INVALID"
  | "KEY_PEM_LABEL_UNSUPPORTED"
  | "KEY_ENCRYPTED"
  | "KEY_DER_INVALID"
  | "KEY_JWK_INVALID"
  | "KEY_ALGORITHM_UNSUPPORTED"
  | "KEY_USAGE_MISSING";

/** A key could not be imported: wrong kind, wrong type, too short, or not decodable. */
export class KeyError extends AmsEdgeError<KeyErrorCode> {
  constructor(code: KeyErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(code, message, options);
    this.name = "KeyError";
  }
}
