import { AmsEdgeError } from "../errors/ams-edge-error.ts";

/**
 * Stable codes of {@link ConfigError}:
 * - `CLIENT_ID_WHITESPACE`: the client id has whitespace around it (a trailing newline from a
 *   secret or `.env` file); HTTP drops it from the header, so no signature over it can verify.
 * - `BODY_NOT_RAW`: a notification body was given as a parsed object, not the raw bytes signed.
 */
export type ConfigErrorCode = "CLIENT_ID_WHITESPACE" | "BODY_NOT_RAW";

/**
 * A configuration that cannot work, refused before anything is sent or acted on. It is the
 * integrator's to fix (answer 500 and log it), never the provider's to retry. Keys that cannot be
 * used throw `KeyError`, their message naming the option.
 */
export class ConfigError extends AmsEdgeError<ConfigErrorCode> {
  /** The option at fault, e.g. `"clientId"`. */
  readonly field: string;

  constructor(
    code: ConfigErrorCode,
    field: string,
    message: string,
    options: { cause?: unknown; hint: string },
  ) {
    super(code, message, options);
    this.name = "ConfigError";
    this.field = field;
  }
}

/** True when `value` is a {@link ConfigError}, also across realms (compares `name`). */
export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof Error && value.name === "ConfigError" && "code" in value;
}
