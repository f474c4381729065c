import fc from "fast-check";
import { TEST_CLIENT_ID } from "../fixtures/test-config.ts";
import { paymentResultBody } from "../helpers/signed-notification.ts";
import type { FuzzFixtures } from "./fuzz-fixtures.ts";
import {
  foreignContentType,
  headerValue,
  normalizedHeader,
  unroutedMethod,
} from "./hostile-text.ts";
import { type Expected, refusal } from "./http-spec.ts";
import { fixtureIds, judged } from "./notify-kept-cases.ts";
import { type NotifySpec, signedSpec } from "./notify-spec.ts";

// Core's code for the check that failed first: a missing header, an unreadable or other-algorithm
// Signature header, or a signature that does not verify; each answered 401.
const unsigned: Expected = {
  kind: "refusal",
  codes: ["MISSING_HEADER", "SIGNATURE_MALFORMED", "ALGORITHM_UNSUPPORTED", "SIGNATURE_INVALID"],
};
const notOurs = refusal("CLIENT_ID_MISMATCH");

/**
 * Bodies that would change something if they were accepted: a result for each fixture (stored in
 * its event log) and a notification of another kind (stored in the Worker's log).
 */
export function baseBodies(fx: FuzzFixtures): fc.Arbitrary<{ text: string; touches: string[] }> {
  const result = (p: FuzzFixtures["paid"], resultStatus: "S" | "F") => ({
    text: paymentResultBody({
      paymentRequestId: p.paymentRequestId,
      paymentId: p.paymentId,
      value: p.amount.value,
      resultStatus,
    }),
    touches: [p.paymentRequestId],
  });
  return fc.constantFrom(result(fx.failed, "S"), result(fx.paid, "F"), {
    text: JSON.stringify({ notifyType: "DISPUTE_OPENED", disputeId: "d-1" }),
    touches: [],
  });
}

function tampered(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length - 1 });
  return fc
    .oneof(
      fc.constantFrom(" ", "\n", "\t", "\u0000").map((tail) => text + tail),
      at.map((i) => text.slice(0, i)),
      fc
        .tuple(at, fc.string({ unit: "binary", minLength: 1, maxLength: 3 }))
        .map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1)),
    )
    .filter((other) => other !== text);
}

const junkSignature = fc.oneof(
  headerValue,
  fc.base64String({ maxLength: 400 }),
  fc.stringMatching(/^[A-Za-z0-9%+/=_-]{0,400}$/),
  fc.constantFrom("%E0%A4%A", "%%%", "%2", "====", "a", "%ZZ", "%00"),
);

/** Missing, blank and malformed `client-id` / `request-time` / `Signature` headers: 401. */
export function headerCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const names = ["client-id", "request-time", "signature"] as const;
  const missing = fc
    .record({
      base: baseBodies(fx),
      gone: fc.subarray([...names], { minLength: 1 }),
      blank: fc.constantFrom(null, " ", "\t", " \t "),
    })
    .map(({ base, gone, blank }): NotifySpec => {
      const spec = signedSpec("missing header", { text: base.text }, unsigned, base.touches);
      if (blank === null) return { ...spec, drop: gone };
      return {
        ...spec,
        label: "blank header",
        ...(gone.includes("client-id") ? { clientId: blank } : {}),
        ...(gone.includes("request-time") ? { requestTime: blank } : {}),
        ...(gone.includes("signature") ? { signatureHeader: blank } : {}),
      };
    });
  const malformed = fc
    .tuple(
      baseBodies(fx),
      fc.oneof(
        headerValue,
        junkSignature.map((s) => `algorithm=RSA256,keyVersion=1,signature=${s}`),
        fc
          .tuple(
            fc.constantFrom("RSA256", "RSA", "rsa256", "HS256", "none", "", "RSA256 "),
            fc.oneof(fc.constantFrom("1", "", "-1", "x"), headerValue),
            junkSignature,
          )
          .map(([a, k, s]) => `algorithm=${a},keyVersion=${k},signature=${s}`),
        fc.constantFrom(
          "algorithm=RSA256",
          "signature=",
          "algorithm=RSA256,keyVersion=1,signature=",
          "algorithm=RSA256,algorithm=RSA256,keyVersion=1,signature=abc",
          "signature=abc,signature=def",
          ",,,",
          "=",
        ),
      ),
    )
    .map(
      ([base, header]): NotifySpec => ({
        ...signedSpec("malformed signature header", { text: base.text }, unsigned, base.touches),
        signatureHeader: header,
      }),
    );
  return fc.oneof(missing, malformed);
}

/** Well-formed signatures that do not cover what is sent: other body, path, id, time or key. */
export function forgedCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  return baseBodies(fx).chain((base) => {
    const spec = signedSpec("forged signature", { text: base.text }, unsigned, base.touches);
    const paths = ["/alipay/notify/", "/alipay/Notify", "/alipay/notify?x=1", "/", "alipay/notify"];
    return fc.oneof(
      tampered(base.text).map((sent) => ({
        ...spec,
        label: "tampered body",
        body: { text: sent },
        signedOver: { body: base.text },
      })),
      tampered(base.text).map((other) => ({ ...spec, signedOver: { body: other } })),
      fc.constantFrom(...paths).map((path) => ({ ...spec, signedOver: { path } })),
      headerValue
        .filter((id) => id !== TEST_CLIENT_ID)
        .map((clientId) => ({ ...spec, signedOver: { clientId } })),
      headerValue
        .filter((time) => time !== spec.requestTime)
        .map((requestTime) => ({ ...spec, signedOver: { requestTime } })),
      // Sent with surrounding blanks: the header arrives trimmed, so it is not our client ID.
      headerValue
        .filter((sent) => {
          const received = normalizedHeader(sent);
          return received !== "" && received !== sent && received !== TEST_CLIENT_ID;
        })
        .map((clientId) => ({ ...spec, clientId, expected: notOurs })),
      // Genuinely signed by the provider, but for another merchant's client ID.
      headerValue
        .filter((id) => normalizedHeader(id) !== "" && normalizedHeader(id) !== TEST_CLIENT_ID)
        .map((clientId) => ({
          ...spec,
          label: "signed for another client ID",
          clientId: normalizedHeader(clientId),
          expected: notOurs,
        })),
      fc.constant<NotifySpec>({
        ...spec,
        label: "signed with the merchant key",
        signingKey: "merchant",
      }),
    );
  });
}

/**
 * Deliveries under another media type, or none: refused when not signed (401), kept and
 * acknowledged when the provider signed them (the media type is not the body).
 */
export function contentTypeCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  const forged = fc.tuple(baseBodies(fx), foreignContentType).map(([base, ct]) => ({
    ...signedSpec("content type, unsigned", { text: base.text }, unsigned, base.touches),
    signatureHeader: "algorithm=RSA256,keyVersion=1,signature=AAAA",
    contentType: ct,
  }));
  // Signed by the provider: kept whatever the media type says.
  const otherKinds = fc.constantFrom(
    JSON.stringify({ notifyType: "DISPUTE_OPENED", disputeId: "d-1" }),
    paymentResultBody({ paymentRequestId: "zz-unknown-1", paymentId: null, value: "100" }),
  );
  const signed = fc.tuple(otherKinds, foreignContentType).map(([text, ct]) => ({
    ...judged("content type, signed", text, fixtureIds(fx)),
    contentType: ct,
  }));
  return fc.oneof(forged, signed);
}

/** Signed bodies over 64 KiB, with and without a known length: 413. */
export function oversizedCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  return fc
    .record({
      base: baseBodies(fx),
      toBytes: fc.integer({ min: 64 * 1024 + 1, max: 160 * 1024 }),
      chunked: fc.boolean(),
    })
    .map(({ base, toBytes, chunked }) =>
      signedSpec(
        "oversized",
        {
          text: `{"pad":"@PAD@",${base.text.slice(1)}`,
          pad: { marker: "@PAD@", toBytes },
          chunked,
        },
        refusal("BODY_TOO_LARGE"),
        base.touches,
      ),
    );
}

/** Other methods on the notify URL: 404 (HEAD: without a body). */
export function methodCases(fx: FuzzFixtures): fc.Arbitrary<NotifySpec> {
  return fc
    .tuple(baseBodies(fx), fc.oneof(unroutedMethod, fc.constantFrom("GET", "HEAD")))
    .map(([base, method]) => ({
      ...signedSpec("method", { text: base.text }, refusal("NOT_FOUND"), base.touches),
      method,
      expected: method === "HEAD" ? { kind: "bodiless", status: 404 } : refusal("NOT_FOUND"),
    }));
}
