import type {
  CancelRequestInput,
  CancelResponseOutput,
  entryCodePayment,
  InquiryPaymentRequestInput,
  InquiryPaymentResponseOutput,
  InquiryRefundRequestInput,
  InquiryRefundResponseOutput,
  orderCodePayment,
  PayRequestInput,
  PayResponseOutput,
  RefundRequestInput,
  RefundResponseOutput,
} from "../schemas/index.ts";
import type { AmsResult } from "./ams-result.ts";
import type { CallOptions } from "./client-options.ts";

/** Parameters of the Order Code builder, as {@link AmsClient.createOrderCode} takes them. */
export type OrderCodeParams = Parameters<typeof orderCodePayment>[0];
/** Parameters of the Entry Code builder, as {@link AmsClient.createEntryCode} takes them. */
export type EntryCodeParams = Parameters<typeof entryCodePayment>[0];

/**
 * A signed, verifying AMS gateway client made by {@link createAmsClient}. Every method returns an
 * {@link AmsResult} (S, F or U) or throws an `AmsClientError` for a transport failure.
 */
export interface AmsClient {
  /** `pay`: sends a pay request as given (validated first). */
  pay(request: PayRequestInput, options?: CallOptions): Promise<AmsResult<PayResponseOutput>>;
  /** `pay` with an Order Code request built from `params`; `S` means "code generated", not "paid". */
  createOrderCode(
    params: OrderCodeParams,
    options?: CallOptions,
  ): Promise<AmsResult<PayResponseOutput>>;
  /** `pay` with an Entry Code request built from `params`; `S` carries the wallet redirect URL. */
  createEntryCode(
    params: EntryCodeParams,
    options?: CallOptions,
  ): Promise<AmsResult<PayResponseOutput>>;
  /** `inquiryPayment` by `paymentRequestId` or `paymentId`. */
  inquiryPayment(
    ids: InquiryPaymentRequestInput,
    options?: CallOptions,
  ): Promise<AmsResult<InquiryPaymentResponseOutput>>;
  /** `cancel`: closes an unpaid payment, or reverses a paid one inside the cancel window. */
  cancel(ids: CancelRequestInput, options?: CallOptions): Promise<AmsResult<CancelResponseOutput>>;
  /** `refund`: idempotent on `refundRequestId`. */
  refund(
    request: RefundRequestInput,
    options?: CallOptions,
  ): Promise<AmsResult<RefundResponseOutput>>;
  /** `inquiryRefund` by `refundRequestId` or `refundId`. */
  inquiryRefund(
    ids: InquiryRefundRequestInput,
    options?: CallOptions,
  ): Promise<AmsResult<InquiryRefundResponseOutput>>;
}
