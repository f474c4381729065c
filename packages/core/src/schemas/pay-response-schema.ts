import * as v from "valibot";
import { ResponseAmountSchema } from "./amount-schema.ts";
import { ResultSchema } from "./result-schema.ts";

/** One rendering of the order code (`orderCodeForm.codeDetails[]`). */
export const CodeDetailSchema = v.looseObject({
  /** `QRCODE` or `BARCODE`. */
  codeValueType: v.picklist(["QRCODE", "BARCODE"]),
  /** The code's content (≤ 2048 characters); for `TEXT`, a URL to render as a QR code. */
  codeValue: v.pipe(v.string(), v.maxLength(2048)),
  /** `TEXT` (render `codeValue` yourself) or an image size the provider rendered. */
  displayType: v.picklist(["TEXT", "SMALLIMAGE", "MIDDLEIMAGE", "BIGIMAGE", "IMAGE"]),
});

/** Input type of {@link CodeDetailSchema}. */
export type CodeDetailInput = v.InferInput<typeof CodeDetailSchema>;
/** Output type of {@link CodeDetailSchema}. */
export type CodeDetailOutput = v.InferOutput<typeof CodeDetailSchema>;

/** The order code to show the customer (Order Code responses). */
export const OrderCodeFormSchema = v.looseObject({
  /** When the code stops working (ISO 8601). */
  expireTime: v.optional(v.string()),
  /** Up to four renderings of the same code. */
  codeDetails: v.pipe(v.array(CodeDetailSchema), v.maxLength(4)),
});

/** Input type of {@link OrderCodeFormSchema}. */
export type OrderCodeFormInput = v.InferInput<typeof OrderCodeFormSchema>;
/** Output type of {@link OrderCodeFormSchema}. */
export type OrderCodeFormOutput = v.InferOutput<typeof OrderCodeFormSchema>;

/** Where the merchant page sends the wallet (Entry Code responses). */
export const RedirectActionFormSchema = v.looseObject({
  /** HTTP method of the redirect, usually `GET`. */
  method: v.string(),
  /** The URL to open, e.g. `alipays://platformapi/startApp?...`. */
  redirectUrl: v.string(),
  /** Form parameters when `method` is `POST`. */
  parameters: v.optional(v.string()),
});

/** Input type of {@link RedirectActionFormSchema}. */
export type RedirectActionFormInput = v.InferInput<typeof RedirectActionFormSchema>;
/** Output type of {@link RedirectActionFormSchema}. */
export type RedirectActionFormOutput = v.InferOutput<typeof RedirectActionFormSchema>;

/**
 * The pay response. `result.resultStatus` `S` means "code generated" (Order Code) or "redirect
 * issued" (Entry Code), not "paid". Unknown keys are kept; see `findUnknownKeys`.
 */
export const PayResponseSchema = v.looseObject({
  /** The outcome of the pay call itself. */
  result: ResultSchema,
  /** The merchant's id of the payment, echoed. */
  paymentRequestId: v.optional(v.string()),
  /** The provider's id of the payment. */
  paymentId: v.optional(v.string()),
  /** The amount to be paid, echoed. */
  paymentAmount: v.optional(ResponseAmountSchema),
  /** When the provider created the payment (ISO 8601). */
  paymentCreateTime: v.optional(v.string()),
  /** Order Code: the code to show. */
  orderCodeForm: v.optional(OrderCodeFormSchema),
  /** Entry Code: where to send the wallet. */
  redirectActionForm: v.optional(RedirectActionFormSchema),
  /** Entry Code: a web URL of the wallet's cashier page. */
  normalUrl: v.optional(v.string()),
  /** Entry Code: a URL scheme that opens the wallet app. */
  schemeUrl: v.optional(v.string()),
  /** Entry Code: a universal/app link that opens the wallet app. */
  applinkUrl: v.optional(v.string()),
});

/** Input type of {@link PayResponseSchema}. */
export type PayResponseInput = v.InferInput<typeof PayResponseSchema>;
/** Output type of {@link PayResponseSchema}. */
export type PayResponseOutput = v.InferOutput<typeof PayResponseSchema>;
