import type { WorkerConfig } from "../config/load-config.ts";

/** The Worker's public origin: PUBLIC_BASE_URL, or the origin this request arrived at. */
export function baseUrlOf(config: WorkerConfig, requestUrl: string): string {
  return config.publicBaseUrl ?? new URL(requestUrl).origin;
}
