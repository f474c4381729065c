import { chmod, readFile, writeFile } from "node:fs/promises";
import { derivePublicKey } from "../keys/derive-public-key.ts";
import { generateKeyPair } from "../keys/generate-key-pair.ts";
import { UsageError } from "./cli-io.ts";

/**
 * What `ams-edge sandbox --keys <file>` keeps: the client id and both key pairs, every key as
 * bare base64 (PKCS#8 for private keys, SPKI for public keys, the portal's form). The file is
 * JSON, mode 0600, made on first use and read as is afterwards.
 */
export interface SandboxKeysFile {
  /** Always `"ams-edge-sandbox-keys/1"`. */
  readonly format: typeof SANDBOX_KEYS_FORMAT;
  /** The merchant's `Client-Id`. */
  readonly clientId: string;
  /** The merchant's private key: the client signs its calls with it. */
  readonly merchantPrivateKey: string;
  /** The merchant's public key: the sandbox verifies the client's calls with it. */
  readonly merchantPublicKey: string;
  /** The key the sandbox signs answers and notifications with, in the provider's place. */
  readonly alipayPrivateKey: string;
  /** The provider's public key as the client sees it: verifies answers and notifications. */
  readonly alipayPublicKey: string;
}

/** The `format` of a {@link SandboxKeysFile}. */
export const SANDBOX_KEYS_FORMAT = "ams-edge-sandbox-keys/1";

const KEY_FIELDS = [
  "clientId",
  "merchantPrivateKey",
  "merchantPublicKey",
  "alipayPrivateKey",
  "alipayPublicKey",
] as const;

/** The file's keys, or undefined when there is no file. */
async function readKeysFile(path: string): Promise<SandboxKeysFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--keys: ${path} is not JSON (${(error as Error).message})`);
  }
  const missing = KEY_FIELDS.filter((field) => typeof parsed[field] !== "string");
  if (parsed.format !== SANDBOX_KEYS_FORMAT || missing.length > 0) {
    throw new UsageError(
      `--keys: ${path} is not a sandbox keys file (expected "format": "${SANDBOX_KEYS_FORMAT}" and ${KEY_FIELDS.join(", ")}${missing.length > 0 ? `; missing ${missing.join(", ")}` : ""}); give another path to make a new one`,
    );
  }
  const keys = parsed as unknown as SandboxKeysFile;
  // A file edited by hand must still hold pairs that match, or every call would fail to verify.
  for (const [privateField, publicField] of [
    ["merchantPrivateKey", "merchantPublicKey"],
    ["alipayPrivateKey", "alipayPublicKey"],
  ] as const) {
    let derived: string;
    try {
      derived = await derivePublicKey(keys[privateField]);
    } catch (error) {
      throw new UsageError(`--keys: ${privateField} in ${path}: ${(error as Error).message}`);
    }
    if (derived !== keys[publicField].replace(/\s+/g, "")) {
      throw new UsageError(
        `--keys: ${publicField} in ${path} is not the public key of ${privateField}`,
      );
    }
  }
  return keys;
}

/**
 * Reads the keys file at `path`, or makes it (fresh pairs, `clientId`) when there is none.
 * A `clientId` other than the file's is a usage error: the file decides once it exists.
 */
export async function loadOrCreateSandboxKeys(
  path: string,
  clientId: string | undefined,
): Promise<{ keys: SandboxKeysFile; created: boolean }> {
  const existing = await readKeysFile(path);
  if (existing !== undefined) {
    if (clientId !== undefined && clientId !== existing.clientId) {
      throw new UsageError(
        `--client-id ${clientId}: ${path} holds the keys of client id ${existing.clientId}; drop --client-id, or give another --keys file`,
      );
    }
    return { keys: existing, created: false };
  }
  const [merchant, alipay] = await Promise.all([generateKeyPair(), generateKeyPair()]);
  const keys: SandboxKeysFile = {
    format: SANDBOX_KEYS_FORMAT,
    clientId: clientId ?? "SANDBOX_LOCAL",
    merchantPrivateKey: merchant.privateKeyBase64,
    merchantPublicKey: merchant.publicKeyBase64,
    alipayPrivateKey: alipay.privateKeyBase64,
    alipayPublicKey: alipay.publicKeyBase64,
  };
  // `wx`: two sandboxes started at once never overwrite each other's keys.
  await writeFile(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  await chmod(path, 0o600);
  return { keys, created: true };
}
