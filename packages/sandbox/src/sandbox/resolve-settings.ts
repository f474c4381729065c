import type { KeyInput } from "@ams-edge/core";
import type { SandboxOptions } from "./sandbox-options.ts";
import type { SandboxSettings } from "./sandbox-settings.ts";

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`createSandbox: ${name} must be a positive number; got ${String(value)}`);
  }
  return value;
}

function merchantsOf(options: SandboxOptions): Map<string, Map<string, KeyInput>> {
  if (!Array.isArray(options.merchants) || options.merchants.length === 0) {
    throw new TypeError(
      "createSandbox: merchants must list at least one { clientId, publicKey } (the merchant's public key, to verify its calls)",
    );
  }
  const merchants = new Map<string, Map<string, KeyInput>>();
  for (const merchant of options.merchants) {
    if (typeof merchant?.clientId !== "string" || merchant.clientId === "") {
      throw new TypeError("createSandbox: every merchant needs a non-empty clientId");
    }
    if (
      merchant.publicKey === undefined ||
      merchant.publicKey === null ||
      merchant.publicKey === ""
    ) {
      throw new TypeError(`createSandbox: merchant "${merchant.clientId}" needs a publicKey`);
    }
    const keys = merchants.get(merchant.clientId) ?? new Map<string, KeyInput>();
    keys.set(String(merchant.keyVersion ?? 1), merchant.publicKey);
    merchants.set(merchant.clientId, keys);
  }
  return merchants;
}

/** Checks {@link SandboxOptions} (throwing `TypeError` on misuse) and fills in the defaults. */
export function resolveSettings(options: SandboxOptions): SandboxSettings {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createSandbox: expected options { merchants, alipayPrivateKey, ... }");
  }
  if (options.alipayPrivateKey === undefined || options.alipayPrivateKey === "") {
    throw new TypeError(
      "createSandbox: alipayPrivateKey is required: the sandbox's own private key, which signs its answers (give its public key to the client as alipayPublicKey)",
    );
  }
  const offset = options.timeZoneOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 18 * 60) {
    throw new TypeError(
      `createSandbox: timeZoneOffsetMinutes must be an integer within ±1080; got ${offset}`,
    );
  }
  let baseUrl: string | null = null;
  if (options.baseUrl !== undefined) {
    if (!URL.canParse(options.baseUrl)) {
      throw new TypeError(
        `createSandbox: baseUrl must be an absolute URL; got "${options.baseUrl}"`,
      );
    }
    baseUrl = options.baseUrl.replace(/\/+$/, "");
  }
  return {
    merchants: merchantsOf(options),
    baseUrl,
    defaultExpiryMs: positive("defaultExpirySeconds", options.defaultExpirySeconds, 900) * 1000,
    cancelWindowMs: positive("cancelWindowSeconds", options.cancelWindowSeconds, 86_400) * 1000,
    refundWindowMs:
      positive("refundWindowSeconds", options.refundWindowSeconds, 365 * 86_400) * 1000,
    timeZoneOffsetMinutes: offset,
    magicAmounts: options.magicAmounts ?? true,
    notifyOnClose: options.notifyOnClose ?? true,
    hangMs: positive("hangMs", options.hangMs, 60_000),
  };
}
