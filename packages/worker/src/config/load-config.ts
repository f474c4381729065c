import * as v from "valibot";
import { WorkerError } from "../http/worker-error.ts";
import {
  type MerchantConfig,
  MerchantConfigSchema,
  type StoreConfig,
  StoresSchema,
} from "./store-config.ts";

/** The Worker's configuration, read from its vars and secrets and checked once per `env`. */
export interface WorkerConfig {
  /** Region name or base URL of the provider's gateway. */
  gateway: string;
  clientId: string;
  privateKey: string;
  alipayPublicKey: string;
  keyVersion: string;
  /** SHA-256 digests of the accepted merchant API keys. */
  apiKeyHashes: readonly Uint8Array[];
  statusTokenSecret: string;
  /** Origin the provider and customers reach the Worker at; null: use the request's origin. */
  publicBaseUrl: string | null;
  /** Allowed CORS origins; `["*"]` allows any. Empty: no cross-origin access. */
  corsOrigins: readonly string[];
  merchant: MerchantConfig;
  stores: ReadonlyMap<string, StoreConfig>;
  /** Default (and largest) Order Code validity. */
  paymentExpirySeconds: number;
  /** Divides every delay of the payment schedule; 1 in production. */
  scheduleScale: number;
  /** Entry Code payments per client IP: `burst` at once, then one every `refillSeconds`. */
  entryRateLimit: { burst: number; refillSeconds: number };
}

const cache = new WeakMap<object, WorkerConfig>();

/**
 * Reads and checks the configuration. A missing secret or a malformed variable throws
 * CONFIG_INVALID naming the variable (never its value).
 */
export function loadConfig(env: Env): WorkerConfig {
  const cached = cache.get(env);
  if (cached !== undefined) return cached;
  const config: WorkerConfig = {
    gateway: required(env, "AMS_GATEWAY"),
    clientId: required(env, "AMS_CLIENT_ID"),
    privateKey: required(env, "AMS_PRIVATE_KEY"),
    alipayPublicKey: required(env, "AMS_ALIPAY_PUBLIC_KEY"),
    keyVersion: optional(env, "AMS_KEY_VERSION") ?? "1",
    apiKeyHashes: parseApiKeyHashes(required(env, "API_KEY_HASHES")),
    statusTokenSecret: parseStatusTokenSecret(required(env, "STATUS_TOKEN_SECRET")),
    publicBaseUrl: parseBaseUrl(optional(env, "PUBLIC_BASE_URL")),
    corsOrigins: (optional(env, "CORS_ORIGINS") ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ""),
    merchant: parseJsonVar(env, "MERCHANT", MerchantConfigSchema),
    stores: new Map(
      Object.entries(parseJsonVar(env, "STORES", StoresSchema)).map(([id, store]) => [
        id,
        { ...store, id },
      ]),
    ),
    paymentExpirySeconds: parseNumber(env, "PAYMENT_EXPIRY_SECONDS", 600, 10, 1799),
    scheduleScale: parseNumber(env, "SCHEDULE_SCALE", 1, 1, 100_000),
    entryRateLimit: parseRateLimit(optional(env, "ENTRY_RATE_LIMIT") ?? "5/12"),
  };
  cache.set(env, config);
  return config;
}

type EnvName = keyof Env & string;

function optional(env: Env, name: EnvName): string | undefined {
  const value: unknown = env[name];
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.trim();
}

function required(env: Env, name: EnvName): string {
  const value = optional(env, name);
  if (value === undefined) {
    throw invalid(
      name,
      "is not set; add it to .dev.vars locally or with `wrangler secret put` (see packages/worker/README.md)",
    );
  }
  return value;
}

function invalid(name: string, problem: string): WorkerError {
  return new WorkerError("CONFIG_INVALID", `the Worker is misconfigured: ${name} ${problem}`);
}

function parseApiKeyHashes(value: string): Uint8Array[] {
  return value
    .split(/[\s,]+/)
    .filter((entry) => entry !== "")
    .map((entry) => {
      // "label:hash" lets operators name keys; only the digest matters here.
      const hex = (
        entry.includes(":") ? entry.slice(entry.lastIndexOf(":") + 1) : entry
      ).toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw invalid(
          "API_KEY_HASHES",
          "must list SHA-256 digests as 64 hex characters, comma-separated",
        );
      }
      const bytes = new Uint8Array(32);
      for (let i = 0; i < 32; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      return bytes;
    });
}

function parseStatusTokenSecret(value: string): string {
  if (value.length < 32) {
    throw invalid("STATUS_TOKEN_SECRET", "must be at least 32 characters of random data");
  }
  return value;
}

function parseBaseUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(
      "PUBLIC_BASE_URL",
      "must be an absolute http(s) URL such as https://pay.example.com",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("PUBLIC_BASE_URL", "must use https (or http for local development)");
  }
  // The routes live at the root (/alipay/notify, /pay/...), so only an origin makes sense.
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw invalid(
      "PUBLIC_BASE_URL",
      "must be an origin without a path, e.g. https://pay.example.com",
    );
  }
  return url.origin;
}

function parseJsonVar<S extends v.GenericSchema>(
  env: Env,
  name: EnvName,
  schema: S,
): v.InferOutput<S> {
  let data: unknown;
  try {
    data = JSON.parse(required(env, name));
  } catch (cause) {
    if (cause instanceof WorkerError) throw cause;
    throw invalid(name, "must be JSON (see packages/worker/README.md for its shape)");
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((item) => String(item.key)).join(".") ?? "";
    throw invalid(name, `is not valid at "${path}": ${issue?.message ?? "unknown problem"}`);
  }
  return result.output;
}

function parseNumber(env: Env, name: EnvName, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw invalid(name, `must be a number from ${min} to ${max}`);
  }
  return value;
}

function parseRateLimit(value: string): { burst: number; refillSeconds: number } {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value);
  const burst = Number(match?.[1]);
  const refillSeconds = Number(match?.[2]);
  if (match === null || burst < 1 || refillSeconds <= 0) {
    throw invalid("ENTRY_RATE_LIMIT", 'must be "<burst>/<seconds per token>", e.g. "5/12"');
  }
  return { burst, refillSeconds };
}
