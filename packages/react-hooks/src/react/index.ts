export { AmsContext, type AmsContextValue, useAmsContext } from "./ams-context.ts";
export { AmsProvider, type AmsProviderProps } from "./ams-provider.tsx";
export { OrderCodeQr, type OrderCodeQrProps } from "./order-code-qr.tsx";
export {
  type EntryCodeCheckout,
  type UseEntryCodeCheckoutOptions,
  useEntryCodeCheckout,
} from "./use-entry-code-checkout.ts";
export {
  type OrderCodePayment,
  type UseOrderCodePaymentOptions,
  useOrderCodePayment,
} from "./use-order-code-payment.ts";
export { type UsePaymentStatusOptions, usePaymentStatus } from "./use-payment-status.ts";
