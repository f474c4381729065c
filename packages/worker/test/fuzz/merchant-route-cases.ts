import fc from "fast-check";
import { bearerToken } from "../../src/auth/api-key.ts";
import { TEST_API_KEY } from "../fixtures/test-config.ts";
import type { CreatedPayment } from "../helpers/worker-http.ts";
import type { FuzzFixtures } from "./fuzz-fixtures.ts";
import { jsonText } from "./hostile-json.ts";
import { headerValue } from "./hostile-text.ts";
import { type HttpSpec, refusal, toRequest } from "./http-spec.ts";
import { ORDER } from "./merchant-create-cases.ts";

const JSON_TYPE: [string, string] = ["content-type", "application/json"];
const REFUND = jsonText({ amount: { currency: "USD", value: "100" }, reason: "Fuzzed refund" });

function mutated(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom("", "x", "A", "_", " ", "=="))
    .map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1))
    .filter((other) => other !== text);
}

/** Authorization values that carry no merchant API key. */
const wrongAuthorization: fc.Arbitrary<string | null> = fc
  .oneof(
    fc.constant(null),
    fc.constantFrom(
      "",
      "Bearer",
      "Bearer ",
      "Basic dGVzdDp0ZXN0",
      TEST_API_KEY,
      `Token ${TEST_API_KEY}`,
    ),
    fc
      .constantFrom("Bearer", "bearer", "BEARER", "Bearer:", "Basic")
      .chain((scheme) =>
        fc.oneof(mutated(TEST_API_KEY), headerValue).map((token) => `${scheme} ${token}`),
      ),
    fc.constantFrom(" extra", "\tx", " Bearer x").map((tail) => `Bearer ${TEST_API_KEY}${tail}`),
    headerValue,
  )
  .filter((value) => {
    if (value === null) return true;
    const probe = new Request("https://x/", { headers: { authorization: value } });
    return bearerToken(probe) !== TEST_API_KEY;
  });

/** Every merchant route with a body it would act on, under a missing or wrong key: 401. */
export function authCases(fx: FuzzFixtures): fc.Arbitrary<HttpSpec> {
  const id = fx.paid.paymentRequestId;
  const routes: [string, string, string | null][] = [
    ["POST", "/api/payments", jsonText(ORDER)],
    ["GET", "/api/payments?limit=5", null],
    ["GET", "/api/payments/export.csv", null],
    ["POST", `/api/payments/${id}/cancel`, null],
    ["POST", `/api/payments/${id}/refunds`, REFUND],
    ["GET", `/api/payments/${id}/events`, null],
    ["GET", "/api/notifications?applied=false", null],
    ["GET", `/api/payments?token=${encodeURIComponent(TEST_API_KEY)}`, null],
  ];
  return fc
    .tuple(fc.constantFrom(...routes), wrongAuthorization)
    .map(([[method, path, body], auth]) => ({
      label: `auth: ${method} ${path}`,
      method,
      path,
      headers: [...(auth === null ? [] : [["authorization", auth] as [string, string]]), JSON_TYPE],
      body: body === null ? null : { text: body },
      expected: refusal("API_KEY_INVALID"),
      touches: [id],
    }));
}

/** Status routes with no token, another payment's token, or a forged one: 401. */
export function statusTokenCases(fx: FuzzFixtures): fc.Arbitrary<HttpSpec> {
  return fc
    .tuple(
      fc.constantFrom([fx.paid, fx.failed], [fx.failed, fx.paid]),
      fc.constantFrom("", "/live"),
      fc.constantFrom("header", "query", "both", "none"),
    )
    .chain(([[own, other], suffix, where]) => {
      const token = fc.oneof(
        fc.constant(other.statusToken),
        fc.constant(TEST_API_KEY),
        mutated(own.statusToken),
        fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        fc.constantFrom(`${own.statusToken}=`, own.statusToken.slice(1), `${own.statusToken}AA`),
        headerValue,
      );
      return token
        .map((t) => statusSpec(own, suffix, where, t))
        .filter((spec) => !admits(spec, own));
    });
}

// The status routes' rule (status-routes.ts): the bearer token if there is one, else `?token=`;
// the payment's token passes, and so does a merchant key in the header.
function admits(spec: HttpSpec, own: CreatedPayment): boolean {
  const request = toRequest(spec);
  const bearer = bearerToken(request);
  const presented = bearer ?? new URL(request.url).searchParams.get("token");
  return presented === own.statusToken || bearer === TEST_API_KEY;
}

function statusSpec(own: CreatedPayment, suffix: string, where: string, token: string): HttpSpec {
  const inQuery = where === "query" || where === "both";
  const inHeader = where === "header" || where === "both";
  // Behind a bad header, even the right token in the query does not count.
  const queryToken = where === "both" ? own.statusToken : token;
  return {
    label: `status token (${where})`,
    method: "GET",
    path: `/api/payments/${own.paymentRequestId}${suffix}${inQuery ? `?token=${encodeURIComponent(queryToken)}` : ""}`,
    headers: inHeader ? [["authorization", `Bearer ${token}`]] : [],
    body: null,
    expected: refusal("STATUS_TOKEN_INVALID"),
    touches: [own.paymentRequestId],
  };
}
