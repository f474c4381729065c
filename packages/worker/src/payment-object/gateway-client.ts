import { type AmsClient, createAmsClient } from "@ams-edge/core";
import type { WorkerConfig } from "../config/load-config.ts";
import type { EventKind } from "./payment-storage.ts";

/**
 * A gateway client whose every attempt lands in the payment's event log: the exact body sent,
 * and the status and result of each answer. Keys are cached by core, so a client per call is
 * cheap.
 */
export function gatewayClient(
  config: WorkerConfig,
  log: (kind: EventKind, data: unknown) => void,
): AmsClient {
  return createAmsClient({
    clientId: config.clientId,
    privateKey: config.privateKey,
    alipayPublicKey: config.alipayPublicKey,
    gateway: config.gateway,
    keyVersion: config.keyVersion,
    timeoutMs: 10_000,
    hooks: {
      beforeRequest: (event) =>
        log("request", {
          operation: event.operation,
          attempt: event.attempt,
          requestTime: event.requestTime,
          body: event.body,
        }),
      afterResponse: (event) =>
        log("response", {
          operation: event.operation,
          attempt: event.attempt,
          httpStatus: event.httpStatus,
          resultStatus: event.resultStatus ?? null,
          resultCode: event.resultCode ?? null,
          requestId: event.requestId ?? null,
          durationMs: event.durationMs,
        }),
    },
  });
}
