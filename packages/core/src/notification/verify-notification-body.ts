import { getDotPath, safeParse } from "valibot";
import { importPublicKey } from "../keys/index.ts";
import { NotificationSchema } from "../schemas/index.ts";
import { decodeSignature } from "../signature/decode-signature.ts";
import { parseSignatureHeader, SignatureHeaderError } from "../signature/index.ts";
import { likelyCause } from "../signature/likely-cause.ts";
import { verifySignature } from "../signature/verify-signature.ts";
import { NotificationError } from "./notification-error.ts";
import type { VerifiedNotification, VerifyNotificationOptions } from "./notification-options.ts";

const REQUIRED_HEADERS = ["client-id", "request-time", "signature"] as const;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/** Where a notification's parts come from, once its method is known to be POST. */
export interface NotificationSource {
  headers: Headers;
  /** Reads the body once, within the limit; called only after the header checks passed. */
  readBody: () => Promise<Uint8Array>;
  /** The path the signature is checked over. */
  path: string;
  /** The path the request arrived on, when `path` came from the options: tried on failure. */
  requestPath?: string | undefined;
}

/**
 * The checks shared by `verifyNotification` and `verifyRawNotification`: headers, client id,
 * `Signature` header, body limit, signature (with its likely cause on failure), then the parse.
 */
export async function verifyNotificationBody(
  source: NotificationSource,
  options: VerifyNotificationOptions,
): Promise<VerifiedNotification> {
  const { headers, path } = source;
  const missing = REQUIRED_HEADERS.filter((name) => (headers.get(name) ?? "").trim() === "");
  if (missing.length > 0) {
    throw new NotificationError(
      "MISSING_HEADER",
      `The notification lacks the ${missing.join(", ")} header(s); expected client-id, request-time and signature.`,
      { hint: "The provider always sends them: check that no proxy strips headers." },
    );
  }
  const clientId = headers.get("client-id") ?? "";
  if (options.clientId !== undefined && clientId !== options.clientId) {
    throw new NotificationError(
      "CLIENT_ID_MISMATCH",
      `The notification is for client-id ${JSON.stringify(clientId)}; expected ${JSON.stringify(options.clientId)}.`,
      {
        hint: "It was not sent to this merchant: do not act on it. If your client ID changed, update the receiver's configuration.",
      },
    );
  }
  const requestTime = headers.get("request-time") ?? "";
  const signature = headers.get("signature") ?? "";

  let parsedHeader: ReturnType<typeof parseSignatureHeader>;
  try {
    parsedHeader = parseSignatureHeader(signature);
  } catch (error) {
    if (!(error instanceof SignatureHeaderError)) throw error;
    const code =
      error.code === "SIGNATURE_ALGORITHM_UNSUPPORTED"
        ? "ALGORITHM_UNSUPPORTED"
        : "SIGNATURE_MALFORMED";
    throw new NotificationError(code, error.message, { cause: error, hint: error.hint ?? "" });
  }

  const body = await source.readBody();
  const { keyVersion } = parsedHeader;
  const key =
    typeof options.alipayPublicKey === "function"
      ? await options.alipayPublicKey(keyVersion)
      : options.alipayPublicKey;
  const content = { method: "POST", path, clientId, requestTime, body };
  if (!(await verifySignature(content, parsedHeader.signature, key))) {
    const bytes = decodeSignature(parsedHeader.signature);
    const cause =
      bytes === undefined
        ? undefined
        : await likelyCause(content, bytes, await importPublicKey(key), source.requestPath);
    throw new NotificationError(
      "SIGNATURE_INVALID",
      `The notification signature does not verify over POST ${path} with client-id "${clientId}", request-time "${requestTime}" and the body received (keyVersion ${keyVersion}).${cause === undefined ? "" : ` Likely cause, ${cause.cause}: ${cause.message}`}`,
      {
        hint: "Verify the raw body bytes with the provider's public key (not your own), over the path of the paymentNotifyUrl you sent.",
        signatureCause: cause,
      },
    );
  }

  const parts = { clientId, requestTime, signature, keyVersion, path };
  let rawBody: string;
  let json: unknown;
  try {
    rawBody = utf8.decode(body);
    json = JSON.parse(rawBody);
  } catch {
    return {
      notification: null,
      bodyProblem: { code: "BODY_NOT_JSON", message: "The notification body is not UTF-8 JSON." },
      json: undefined,
      rawBody: lenientUtf8.decode(body),
      ...parts,
    };
  }
  const parsed = safeParse(NotificationSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const at = getDotPath(issue) === null ? "" : ` at ${getDotPath(issue)}`;
    return {
      notification: null,
      bodyProblem: {
        code: "BODY_INVALID",
        message: `The notification does not match its schema${at}: ${issue.message}.`,
      },
      json,
      rawBody,
      ...parts,
    };
  }
  return { notification: parsed.output, bodyProblem: null, json, rawBody, ...parts };
}
