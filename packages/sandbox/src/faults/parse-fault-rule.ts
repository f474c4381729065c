import {
  FAULT_KINDS,
  type FaultKind,
  type FaultRule,
  GATEWAY_APIS,
  type GatewayApi,
} from "./fault-rule.ts";

const KNOWN_KEYS = new Set([
  "kind",
  "probability",
  "count",
  "apis",
  "paymentRequestId",
  "paymentId",
  "status",
  "resultCode",
  "delayMs",
  "window",
  "partial",
]);
const RESULT_CODES = ["UNKNOWN_EXCEPTION", "PAYMENT_IN_PROCESS", "REQUEST_TRAFFIC_EXCEED_LIMIT"];

function fail(index: string, message: string): never {
  throw new TypeError(`fault${index}: ${message}`);
}

function optionalNumber(
  index: string,
  value: Record<string, unknown>,
  key: string,
  check: (n: number) => boolean,
  expected: string,
): number | undefined {
  const found = value[key];
  if (found === undefined) return undefined;
  if (typeof found !== "number" || !check(found)) {
    fail(index, `"${key}" must be ${expected}; got ${JSON.stringify(found)}`);
  }
  return found;
}

function optionalString(
  index: string,
  value: Record<string, unknown>,
  key: string,
): string | undefined {
  const found = value[key];
  if (found === undefined) return undefined;
  if (typeof found !== "string" || found === "") fail(index, `"${key}" must be a non-empty string`);
  return found;
}

/**
 * Checks a fault rule given as untrusted JSON (from options or `POST /sandbox/faults`) and
 * returns it typed; throws a `TypeError` that names the field otherwise.
 *
 * @example
 * parseFaultRule({ kind: "http-error", status: 502, count: 1 });
 */
export function parseFaultRule(value: unknown, position?: number): FaultRule {
  const index = position === undefined ? "" : `[${position}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(index, 'expected an object such as { "kind": "drop-notification", "count": 1 }');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) fail(index, `unknown field "${key}"`);
  }
  const kind = record.kind;
  if (typeof kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    fail(index, `"kind" must be one of ${FAULT_KINDS.join(", ")}; got ${JSON.stringify(kind)}`);
  }
  const rule: { -readonly [K in keyof FaultRule]: FaultRule[K] } = { kind: kind as FaultKind };
  const probability = optionalNumber(
    index,
    record,
    "probability",
    (n) => n >= 0 && n <= 1,
    "a number from 0 to 1",
  );
  if (probability !== undefined) rule.probability = probability;
  const count = optionalNumber(
    index,
    record,
    "count",
    (n) => Number.isInteger(n) && n >= 0,
    "a whole number ≥ 0",
  );
  if (count !== undefined) rule.count = count;
  const delayMs = optionalNumber(
    index,
    record,
    "delayMs",
    (n) => Number.isFinite(n) && n >= 0,
    "a number of milliseconds ≥ 0",
  );
  if (delayMs !== undefined) rule.delayMs = delayMs;
  const window = optionalNumber(
    index,
    record,
    "window",
    (n) => Number.isInteger(n) && n >= 2,
    "a whole number ≥ 2",
  );
  if (window !== undefined) rule.window = window;
  const status = optionalNumber(
    index,
    record,
    "status",
    (n) => n === 500 || n === 502,
    "500 or 502",
  );
  if (status === 500 || status === 502) rule.status = status;
  const paymentRequestId = optionalString(index, record, "paymentRequestId");
  if (paymentRequestId !== undefined) rule.paymentRequestId = paymentRequestId;
  const paymentId = optionalString(index, record, "paymentId");
  if (paymentId !== undefined) rule.paymentId = paymentId;
  if (record.resultCode !== undefined) {
    if (typeof record.resultCode !== "string" || !RESULT_CODES.includes(record.resultCode)) {
      fail(index, `"resultCode" must be one of ${RESULT_CODES.join(", ")}`);
    }
    rule.resultCode = record.resultCode as NonNullable<FaultRule["resultCode"]>;
  }
  if (record.partial !== undefined) {
    if (typeof record.partial !== "boolean") fail(index, `"partial" must be true or false`);
    rule.partial = record.partial;
  }
  if (record.apis !== undefined) {
    const apis = record.apis;
    if (
      !Array.isArray(apis) ||
      apis.length === 0 ||
      !apis.every((api) => (GATEWAY_APIS as readonly unknown[]).includes(api))
    ) {
      fail(index, `"apis" must be a non-empty list of ${GATEWAY_APIS.join(", ")}`);
    }
    if (kind.endsWith("notification") || kind.endsWith("notifications")) {
      fail(index, `"apis" applies to gateway faults only, not to "${kind}"`);
    }
    rule.apis = apis as GatewayApi[];
  }
  return rule;
}
