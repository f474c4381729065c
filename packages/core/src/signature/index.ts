export { createSignature } from "./create-signature.ts";
export { cryptoRuntime } from "./crypto-runtime.ts";
export { type DiagnoseSignatureInput, diagnoseSignature } from "./diagnose-signature.ts";
export { formatSignatureHeader } from "./format-signature-header.ts";
export { type ParsedSignatureHeader, parseSignatureHeader } from "./parse-signature-header.ts";
export type { RequestLike } from "./request-parts.ts";
export { type SignedRequestParts, type SignRequestOptions, signRequest } from "./sign-request.ts";
export type { SignatureCause, SignatureCauseCode, SignatureDiagnosis } from "./signature-cause.ts";
export { type SignatureContent, signatureContent } from "./signature-content.ts";
export { SignatureHeaderError, type SignatureHeaderErrorCode } from "./signature-header-error.ts";
export {
  type VerifyFailureReason,
  type VerifyRequestOptions,
  type VerifyRequestResult,
  verifyRequest,
} from "./verify-request.ts";
export { verifySignature } from "./verify-signature.ts";
