import { AmsEdgeError } from "@ams-edge/core";

/** Stable codes of {@link SandboxError}. */
export type SandboxErrorCode = "PAYMENT_NOT_FOUND" | "PAYMENT_FINAL" | "SANDBOX_CLOSED";

/** A sandbox method was asked for something the sandbox's state does not allow. */
export class SandboxError extends AmsEdgeError<SandboxErrorCode> {
  constructor(code: SandboxErrorCode, message: string, options?: { hint?: string }) {
    super(code, message, options);
    this.name = "SandboxError";
  }
}
