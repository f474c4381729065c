import type { StoreConfig } from "../config/store-config.ts";

/**
 * Where the wallet sends the customer back when `entryCode.returnPath` is not set: the Worker's
 * own Entry Code page, which exists whether or not the storefront is deployed, and which the
 * printed code opens (so the customer comes back to the page they started on).
 */
export const DEFAULT_ENTRY_RETURN_PATH = "/pay/:storeId";

/**
 * The Entry Code `paymentRedirectUrl`: the store's return path on the Worker's origin, with
 * `?payment=<paymentRequestId>&token=<statusToken>` so that the page can follow the payment.
 *
 * @example
 * entryReturnUrl("https://pay.example.com", store, "ec12", "tok");
 * // "https://pay.example.com/pay/demo-store?payment=ec12&token=tok"
 */
export function entryReturnUrl(
  baseUrl: string,
  store: StoreConfig,
  paymentRequestId: string,
  statusToken: string,
): string {
  const template = store.entryCode?.returnPath ?? DEFAULT_ENTRY_RETURN_PATH;
  const path = template.replaceAll(":storeId", encodeURIComponent(store.id));
  const query = new URLSearchParams({ payment: paymentRequestId, token: statusToken });
  return `${baseUrl}${path}?${query}`;
}
