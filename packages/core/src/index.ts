/**
 * `@ams-edge/core`: Alipay Global (AMS) in-store payments for every JavaScript runtime.
 *
 * Each area lives in its own folder and re-exports its public names from its `index.ts`.
 */

export * from "./client/index.ts";
export * from "./config/index.ts";
export * from "./errors/index.ts";
export * from "./keys/index.ts";
export * from "./money/index.ts";
export * from "./notification/index.ts";
export * from "./payment/index.ts";
export * from "./refund/index.ts";
export * from "./schemas/index.ts";
export * from "./signature/index.ts";
