import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/** Stable codes of {@link SignatureHeaderError}. */
export type SignatureHeaderErrorCode =
  | "SIGNATURE_HEADER_EMPTY"
  | "SIGNATURE_HEADER_MALFORMED"
  | "SIGNATURE_HEADER_DUPLICATE"
  | "SIGNATURE_ALGORITHM_MISSING"
  | "SIGNATURE_ALGORITHM_UNSUPPORTED"
  | "SIGNATURE_VALUE_MISSING";

/** A `Signature` header that cannot be read, or that names an algorithm other than RSA256. */
export class SignatureHeaderError extends AmsEdgeError<SignatureHeaderErrorCode> {
  constructor(
    code: SignatureHeaderErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(code, message, options);
    this.name = "SignatureHeaderError";
  }
}
