import type { KeyInput } from "@ams-edge/core";

/** The sandbox's options after defaults, as every part of it reads them. */
export interface SandboxSettings {
  /** Public keys by client id, then by key version. */
  readonly merchants: ReadonlyMap<string, ReadonlyMap<string, KeyInput>>;
  /** Origin (and path prefix) of wallet links, or `null` to use the origin of each request. */
  readonly baseUrl: string | null;
  readonly defaultExpiryMs: number;
  readonly cancelWindowMs: number;
  readonly refundWindowMs: number;
  readonly timeZoneOffsetMinutes: number;
  readonly magicAmounts: boolean;
  readonly notifyOnClose: boolean;
  readonly hangMs: number;
}
