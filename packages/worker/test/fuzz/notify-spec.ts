import { createSignature, formatSignatureHeader } from "@ams-edge/core";
import { TEST_CLIENT_ID, TEST_PUBLIC_BASE_URL } from "../fixtures/test-config.ts";
import { TEST_ALIPAY_PRIVATE_KEY, TEST_MERCHANT_PRIVATE_KEY } from "../fixtures/test-keys.ts";
import { type BodySpec, bodyBytes, bodyInit, type Expected } from "./http-spec.ts";
import type { KeptNotification, LoggedNotification } from "./storage-guard.ts";

/** One generated notification delivery (printable). */
export interface NotifySpec {
  label: string;
  method: string;
  body: BodySpec;
  /** Null: no Content-Type header at all. */
  contentType: string | null;
  clientId: string;
  requestTime: string;
  /** What the signature covers where it is not what is sent (a forged or replayed signature). */
  signedOver?: { body?: string; path?: string; clientId?: string; requestTime?: string };
  /** Signed with another key than the test provider's. */
  signingKey?: "merchant";
  /** A Signature header sent as is instead of the computed one. */
  signatureHeader?: string;
  /** Headers left out. */
  drop: ("client-id" | "request-time" | "signature")[];
  expected: Expected;
  touches: string[];
  /** For an acknowledged notification no payment takes: the row the review log must gain. */
  logged?: LoggedNotification;
  /** For an acknowledged notification a fixture payment keeps without applying it. */
  kept?: KeptNotification;
}

/** A well-formed delivery of `text`, signed by the test provider key. */
export function signedSpec(
  label: string,
  body: BodySpec,
  expected: Expected,
  touches: string[] = [],
): NotifySpec {
  return {
    label,
    method: "POST",
    body,
    contentType: "application/json; charset=UTF-8",
    clientId: TEST_CLIENT_ID,
    requestTime: "2026-11-20T10:00:00+00:00",
    drop: [],
    expected,
    touches,
  };
}

/**
 * The Request of a spec: signed like the provider signs (see helpers/signed-notification.ts),
 * over the bytes actually sent unless the spec says otherwise. Bytes go out as bytes, so a body
 * that is not UTF-8 stays exactly as generated.
 */
export async function notifyRequest(spec: NotifySpec): Promise<Request> {
  const over = spec.signedOver ?? {};
  const signature =
    spec.signatureHeader ??
    formatSignatureHeader({
      signature: await createSignature(
        {
          method: "POST",
          path: over.path ?? "/alipay/notify",
          clientId: over.clientId ?? spec.clientId,
          requestTime: over.requestTime ?? spec.requestTime,
          body: over.body ?? bodyBytes(spec.body),
        },
        spec.signingKey === "merchant" ? TEST_MERCHANT_PRIVATE_KEY : TEST_ALIPAY_PRIVATE_KEY,
      ),
      keyVersion: 1,
    });
  const headers = new Headers({
    "client-id": spec.clientId,
    "request-time": spec.requestTime,
    signature,
  });
  for (const name of spec.drop) headers.delete(name);
  if (spec.contentType !== null) headers.set("content-type", spec.contentType);
  const hasBody = spec.method !== "GET" && spec.method !== "HEAD";
  return new Request(`${TEST_PUBLIC_BASE_URL}/alipay/notify`, {
    method: spec.method,
    headers,
    ...(hasBody ? { body: bodyInit(spec.body) } : {}),
  });
}
