import * as v from "valibot";

const MinorUnits = v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]{0,17})$/, "minor units as a string"));
const Mcc = v.pipe(v.string(), v.regex(/^[0-9]{4}$/, "a 4-digit merchant category code"));

/** One store of the STORES variable: what the pay request says about it, and its limits. */
export const StoreConfigSchema = v.object({
  /** Shown to the customer and sent as `order.merchant.store.storeName`. */
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  /** `storeMCC`: the store's merchant category code. */
  mcc: Mcc,
  /** ISO 4217 currency the store charges in. */
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD")),
  /** Largest Order Code amount accepted by the merchant API, in minor units. */
  maxOrderValue: v.optional(MinorUnits),
  /** Present when the store takes Entry Code payments. */
  entryCode: v.optional(
    v.object({
      /** Smallest amount a customer may type, in minor units. */
      minValue: MinorUnits,
      /** Largest amount a customer may type, in minor units. */
      maxValue: MinorUnits,
      /**
       * Where the wallet sends the customer back (`:storeId` is replaced), on the Worker's
       * origin; default `/pay/:storeId`. `/entry/:storeId` when the storefront is deployed.
       */
      returnPath: v.optional(
        v.pipe(
          v.string(),
          v.maxLength(256),
          // A path on this origin: "//host" would leave it, and the query is the Worker's.
          v.regex(
            /^\/(?!\/)[A-Za-z0-9._~:@/-]*$/,
            'a path on the Worker\'s origin such as "/entry/:storeId" (no query, no fragment)',
          ),
        ),
      ),
    }),
  ),
});

/** A store as configured. */
export type StoreConfig = v.InferOutput<typeof StoreConfigSchema> & { id: string };

/** The STORES variable: store id → store. */
export const StoresSchema = v.record(
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "a store id of letters, digits, - and _")),
  StoreConfigSchema,
);

/** The MERCHANT variable: `order.merchant` of every pay request. */
export const MerchantConfigSchema = v.object({
  /** `referenceMerchantId`: the merchant's own id for itself. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** `merchantName`. */
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  /** `merchantMCC`. */
  mcc: Mcc,
});

/** The merchant as configured. */
export type MerchantConfig = v.InferOutput<typeof MerchantConfigSchema>;
