/**
 * `@ams-edge/react-hooks`: create an Alipay Order Code, show its QR, follow the payment live, and
 * drive the Entry Code page, in React 18 and 19. The behaviour lives in framework-free stores
 * (`create*Store`), usable without React; the hooks are thin wrappers around them.
 */
export * from "./amount/index.ts";
export * from "./client/index.ts";
export * from "./qr/index.ts";
export * from "./react/index.ts";
export * from "./state/index.ts";
export * from "./stores/index.ts";
