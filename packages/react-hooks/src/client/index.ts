export type {
  AmountView,
  CreatedPayment,
  OrderCodeView,
  PaymentStatus,
  PaymentView,
} from "@ams-edge/core/api";
export {
  type CreatePaymentRequest,
  createWorkerClient,
  type RequestOptions,
  type WorkerClient,
  type WorkerClientOptions,
} from "./create-worker-client.ts";
export type { LiveSocket, LiveSocketConstructor } from "./live-socket.ts";
export { type EntryPayment, isPaymentView } from "./payment-view.ts";
export { isWorkerApiError, WorkerApiError, type WorkerApiErrorCode } from "./worker-api-error.ts";
