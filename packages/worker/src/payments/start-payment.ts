import {
  entryCodePayment,
  isAmsEdgeError,
  type MerchantInput,
  orderCodePayment,
  type PayRequestInput,
} from "@ams-edge/core";
import { createStatusToken } from "../auth/status-token.ts";
import type { WorkerConfig } from "../config/load-config.ts";
import type { StoreConfig } from "../config/store-config.ts";
import { entryReturnUrl } from "../entry/entry-return-url.ts";
import { WorkerError } from "../http/worker-error.ts";
import type { AmountView, PaymentView } from "../payment-object/payment-view.ts";
import { paymentObject, unwrap } from "./payment-stub.ts";

/** A payment the Worker is asked to start, already checked against the store. */
export interface StartPaymentInput {
  paymentRequestId: string;
  /** Digest of the request's meaningful fields (idempotent replays must match it). */
  fingerprint: string;
  store: StoreConfig;
  amount: AmountView;
  description: string;
  referenceOrderId: string | null;
  expiresInSeconds: number;
  /** Entry Code only: the wallet browser's User-Agent. */
  entry?: { userAgent: string };
}

/** A started (or replayed) payment with its status token. */
export interface StartedPayment {
  created: boolean;
  payment: PaymentView & { statusToken: string };
}

function merchantOf(config: WorkerConfig, store: StoreConfig): MerchantInput {
  return {
    referenceMerchantId: config.merchant.id,
    merchantMCC: config.merchant.mcc,
    merchantName: config.merchant.name,
    store: { referenceStoreId: store.id, storeName: store.name, storeMCC: store.mcc },
  };
}

/**
 * Builds the pay request (core validates it), hands it to the payment's object, and answers with
 * the payment and its status token.
 */
export async function startPayment(
  env: Env,
  config: WorkerConfig,
  baseUrl: string,
  input: StartPaymentInput,
): Promise<StartedPayment> {
  const now = Date.now();
  // Whole seconds: the wire's paymentExpiryTime has no fraction, and the state must agree with it.
  const expiresAt = Math.floor((now + input.expiresInSeconds * 1000) / 1000) * 1000;
  const statusToken = await createStatusToken(config.statusTokenSecret, input.paymentRequestId);
  const common = {
    paymentRequestId: input.paymentRequestId,
    paymentAmount: input.amount,
    orderDescription: input.description,
    ...(input.referenceOrderId === null ? {} : { referenceOrderId: input.referenceOrderId }),
    merchant: merchantOf(config, input.store),
    paymentNotifyUrl: `${baseUrl}/alipay/notify`,
    paymentExpiryTime: new Date(expiresAt),
  };
  let payRequest: PayRequestInput;
  try {
    payRequest =
      input.entry === undefined
        ? orderCodePayment(common, { now })
        : entryCodePayment(
            {
              ...common,
              userAgent: input.entry.userAgent,
              paymentRedirectUrl: entryReturnUrl(
                baseUrl,
                input.store,
                input.paymentRequestId,
                statusToken,
              ),
            },
            { now },
          );
  } catch (error) {
    if (isAmsEdgeError(error)) {
      throw new WorkerError("INVALID_REQUEST", error.message, { cause: error });
    }
    throw error;
  }
  const stub = paymentObject(env, input.paymentRequestId);
  const { created, view } = unwrap(
    await stub.create({
      fingerprint: input.fingerprint,
      storeId: input.store.id,
      description: input.description,
      referenceOrderId: input.referenceOrderId,
      payRequest,
      createdAt: now,
      expiresAt,
    }),
  );
  return { created, payment: { ...view, statusToken } };
}
