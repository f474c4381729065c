export {
  createEntryCheckoutStore,
  type EntryCheckoutState,
  type EntryCheckoutStore,
  type EntryCheckoutStoreOptions,
} from "./create-entry-checkout-store.ts";
export {
  createOrderCodeStore,
  type OrderCodeAwaitingState,
  type OrderCodeState,
  type OrderCodeStore,
  type OrderCodeStoreOptions,
} from "./create-order-code-store.ts";
export {
  createPaymentStore,
  type PaymentStore,
  type PaymentStoreOptions,
} from "./create-payment-store.ts";
export { defaultFollowTiming, type FollowTiming } from "./follow-timing.ts";
export { defaultPaymentStorage, type PaymentStorage } from "./payment-storage.ts";
export type { ExternalStore } from "./snapshot-store.ts";
