export {
  type CreatePaymentParams,
  createWorkerClient,
  type RequestOptions,
  type WorkerClient,
  type WorkerClientOptions,
} from "./create-worker-client.ts";
export type { LiveSocket, LiveSocketConstructor } from "./live-socket.ts";
export {
  type Amount,
  type CreatedPayment,
  type EntryPayment,
  isPaymentView,
  type PaymentCode,
  type PaymentView,
  type PaymentViewStatus,
} from "./payment-view.ts";
export { isWorkerApiError, WorkerApiError, type WorkerApiErrorCode } from "./worker-api-error.ts";
