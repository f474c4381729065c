import { ConfigError } from "./config-error.ts";

/** Checks a configured client id: a non-empty string without whitespace around it. */
export function checkClientId(owner: string, clientId: unknown): string {
  if (typeof clientId !== "string" || clientId.trim() === "") {
    throw new TypeError(`${owner}: \`clientId\` must be a non-empty string`);
  }
  if (clientId !== clientId.trim()) {
    // HTTP drops it from the header while the signature covers it: nothing would ever verify.
    throw new ConfigError(
      "CLIENT_ID_WHITESPACE",
      "clientId",
      `${owner}: \`clientId\` ${JSON.stringify(clientId)} has whitespace around it, which no signature survives.`,
      { hint: "Trim it where it is read (a secret or .env file ending with a newline)." },
    );
  }
  return clientId;
}
