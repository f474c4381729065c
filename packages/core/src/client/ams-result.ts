/** `result.resultStatus` of a gateway answer: `S` success, `F` failure, `U` unknown (PROTOCOL §6). */
export type ResultStatus = "S" | "F" | "U";

/** Fields every gateway result carries, whatever its status. */
export interface AmsResultBase {
  /** `result.resultCode`, e.g. `"SUCCESS"`, `"PAYMENT_IN_PROCESS"`, `"USER_BALANCE_NOT_ENOUGH"`. */
  resultCode: string;
  /** `result.resultMessage` (empty when the gateway sent none). */
  resultMessage: string;
  /** The response body exactly as received and verified; unknown fields survive here. */
  rawBody: string;
  /** HTTP status of the response (always 200: any other status is an `AmsClientError`). */
  httpStatus: number;
}

/**
 * A verified gateway answer: `ok: true` with the parsed data for `S`, `ok: false` with the body as
 * a plain object for `F` and `U`. Business failures come back here; transport failures throw.
 *
 * @example
 * const result = await client.pay(request);
 * if (result.ok) show(result.data.orderCodeForm);
 * else if (result.status === "U") scheduleInquiry();
 */
export type AmsResult<T> =
  | (AmsResultBase & { ok: true; status: "S"; data: T })
  | (AmsResultBase & { ok: false; status: "F" | "U"; data: Record<string, unknown> });
