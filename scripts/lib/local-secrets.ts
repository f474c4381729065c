/**
 * Local keys and secrets for `npm start`: a merchant key pair, a key pair that plays the
 * provider's (held by the sandbox), a merchant API key (only its SHA-256 is stored) and the
 * status-token secret. Everything is generated on this machine and protects nothing real.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
} from "node:crypto";

/** The Worker's secrets, plus the sandbox's half of the local provider key pair. */
export interface LocalSecrets {
  AMS_CLIENT_ID: string;
  AMS_PRIVATE_KEY: string;
  AMS_ALIPAY_PUBLIC_KEY: string;
  API_KEY_HASHES: string;
  STATUS_TOKEN_SECRET: string;
  /** Read by the local sandbox only (the Worker ignores it): signs answers and notifications. */
  LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY: string;
}

/** The client id the local Worker uses with the local sandbox. */
export const LOCAL_CLIENT_ID = "LOCAL_DEV_MERCHANT";

function rsaKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  };
}

/** SHA-256 of an API key, as hex: what API_KEY_HASHES lists. */
export function apiKeyHash(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex");
}

/** A new merchant API key. */
export function newApiKey(): string {
  return `ams_local_${randomBytes(24).toString("base64url")}`;
}

/** Fresh local secrets and the API key whose hash they hold (shown to the user once). */
export function generateLocalSecrets(): { secrets: LocalSecrets; apiKey: string } {
  const merchant = rsaKeyPair();
  const provider = rsaKeyPair();
  const apiKey = newApiKey();
  return {
    apiKey,
    secrets: {
      AMS_CLIENT_ID: LOCAL_CLIENT_ID,
      AMS_PRIVATE_KEY: merchant.privateKey,
      AMS_ALIPAY_PUBLIC_KEY: provider.publicKey,
      API_KEY_HASHES: `local:${apiKeyHash(apiKey)}`,
      STATUS_TOKEN_SECRET: randomBytes(32).toString("base64url"),
      LOCAL_SANDBOX_ALIPAY_PRIVATE_KEY: provider.privateKey,
    },
  };
}

/** The public half of a bare base64 PKCS#8 private key, as bare base64 SPKI. */
export function publicKeyOf(privateKeyBase64: string): string {
  const privateKey = createPrivateKey({
    key: Buffer.from(privateKeyBase64, "base64"),
    format: "der",
    type: "pkcs8",
  });
  return createPublicKey(privateKey).export({ format: "der", type: "spki" }).toString("base64");
}

/** A `.dev.vars` / `.env` file: `NAME=value` lines after a comment header. */
export function formatEnvFile(values: object, header: string): string {
  const lines = header.split("\n").map((line) => `# ${line}`.trimEnd());
  for (const [name, value] of Object.entries(values)) lines.push(`${name}=${String(value)}`);
  return `${lines.join("\n")}\n`;
}

/** Reads `NAME=value` lines (no quotes, no multi-line values: the form {@link formatEnvFile} writes). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      values[match[1]] = match[2].replace(/^"(.*)"$/, "$1");
    }
  }
  return values;
}
