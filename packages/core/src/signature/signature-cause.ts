import type { SignatureContent } from "./signature-content.ts";

/**
 * Stable codes of the causes `diagnoseSignature` can name, and those a notification verifier puts
 * in `NotificationError.signatureCause`: the same codes, plus `PATH_MISMATCH` (a configured path
 * that is not the one signed) and `PUBLIC_KEY_NOT_SIGNERS` (no change a receiver could have made
 * explains it), which only the verifiers name.
 */
export type SignatureCauseCode =
  | "BODY_RESERIALIZED"
  | "BODY_WHITESPACE"
  | "BODY_LINE_ENDINGS"
  | "REQUEST_TIME_REFORMATTED"
  | "PATH_HAS_ORIGIN"
  | "PATH_QUERY_MISMATCH"
  | "PATH_TRAILING_SLASH"
  | "PATH_SANDBOX_MISMATCH"
  | "PATH_MISMATCH"
  | "METHOD_CASE"
  | "METHOD_MISMATCH"
  | "CLIENT_ID_WHITESPACE"
  | "CONTENT_CRLF"
  | "SIGNATURE_DOUBLE_ENCODED"
  | "SIGNATURE_NOT_URL_ENCODED"
  | "SIGNATURE_BASE64URL"
  | "SIGNATURE_HEADER_INVALID"
  | "PUBLIC_KEY_IS_MERCHANT_KEY"
  | "SIGNED_WITH_MERCHANT_KEY"
  | "PUBLIC_KEY_INVALID"
  | "PUBLIC_KEY_NOT_SIGNERS"
  | "UNKNOWN";

/** One likely cause: its code, a sentence, and the changed field that made the signature verify. */
export interface SignatureCause {
  cause: SignatureCauseCode;
  message: string;
  /** The changed content fields under which the signature verifies, when that is the cause. */
  variant?: Partial<SignatureContent>;
}

/** The answer of `diagnoseSignature`. */
export interface SignatureDiagnosis {
  /** True when the signature verifies exactly as given: there is nothing to diagnose. */
  valid: boolean;
  /** Likely causes, most specific first; `UNKNOWN` alone when no single change explains it. */
  causes: SignatureCause[];
}
