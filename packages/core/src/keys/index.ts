export { importPrivateKey } from "./import-private-key.ts";
export { importPublicKey } from "./import-public-key.ts";
export { KeyError, type KeyErrorCode } from "./key-error.ts";
export type { KeyInput } from "./key-input.ts";
