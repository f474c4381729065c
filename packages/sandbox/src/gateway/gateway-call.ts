import type { FaultTarget } from "../faults/fault-injector.ts";
import type { GatewayApi } from "../faults/fault-rule.ts";
import type { WireResult } from "./result-codes.ts";

/** An authenticated call to a gateway operation. */
export interface GatewayCall {
  readonly api: GatewayApi;
  readonly clientId: string;
  /** The parsed JSON body (not yet validated). */
  readonly json: unknown;
  /** Where wallet links point: the sandbox's public base URL. */
  readonly baseUrl: string;
}

/** What an operation answers, before faults and signing. */
export interface GatewayAnswer {
  /** The JSON body: an object, or the exact stored text of an idempotent replay. */
  readonly body: string | { readonly result: WireResult; readonly [key: string]: unknown };
  /** The payment concerned, for per-payment faults. */
  readonly target: FaultTarget;
  /** Answer U `UNKNOWN_EXCEPTION` instead (the work is done all the same). */
  readonly unknown?: boolean;
  /** A notification the call started, for `waitUntil`. */
  readonly work?: Promise<unknown> | null;
}

/** An answer that is only a result, e.g. a failure before any payment is found. */
export function resultOnly(result: WireResult, target: FaultTarget = {}): GatewayAnswer {
  return { body: { result }, target };
}
