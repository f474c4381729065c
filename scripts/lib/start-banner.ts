/**
 * What `npm start` prints once the stack is up: the till (with the API key in its link when the
 * key is known), the Entry Code pages, the sandbox, the origins allowed to call the Worker, where
 * the local state is, and a `curl` that creates a payment.
 */
import { apiKeyHash } from "./local-secrets.ts";

/** The merchant API key as far as `npm start` knows it. */
export type KnownApiKey =
  /** Made just now (shown once), or given in AMS_EDGE_API_KEY and listed in API_KEY_HASHES. */
  | { source: "new" | "env"; value: string }
  /** Not known: only its hash is kept; `env-mismatch` when AMS_EDGE_API_KEY is another key. */
  | { source: "unknown" | "env-mismatch"; value: null };

/**
 * The API key to show: the one just generated, else AMS_EDGE_API_KEY when its SHA-256 is one of
 * `apiKeyHashes` (the `.dev.vars` value: comma-separated, optionally `label:hash`).
 */
export function knownApiKey(
  newApiKey: string | null,
  envKey: string | undefined,
  apiKeyHashes: string,
): KnownApiKey {
  if (newApiKey !== null) return { source: "new", value: newApiKey };
  if (envKey === undefined || envKey.trim() === "") return { source: "unknown", value: null };
  const hashes = apiKeyHashes
    .split(/[\s,]+/)
    .map((entry) => entry.slice(entry.lastIndexOf(":") + 1).toLowerCase());
  return hashes.includes(apiKeyHash(envKey.trim()))
    ? { source: "env", value: envKey.trim() }
    : { source: "env-mismatch", value: null };
}

/**
 * The till's URL with the key in its fragment: the storefront stores the key and removes it from
 * the address bar (a fragment never reaches a server).
 */
export function tillLink(workerUrl: string, apiKey: string): string {
  return `${workerUrl}/#apiKey=${encodeURIComponent(apiKey)}`;
}

/** Inputs of {@link formatStartBanner}. */
export interface StartBannerInput {
  workerUrl: string;
  sandboxUrl: string;
  /** The store the links point at (`demo-store` in wrangler.toml). */
  storeId: string;
  /** False when a placeholder page stands in for the storefront build. */
  storefrontBuilt: boolean;
  apiKey: KnownApiKey;
  /** The origins the Worker allows (CORS), as `npm start` passed them. */
  origins: readonly string[];
  /** The local state folder (relative), and whether this start cleared it (`--fresh`). */
  state: { folder: string; fresh: boolean };
}

function apiKeyLines(apiKey: KnownApiKey): string[] {
  switch (apiKey.source) {
    case "new":
      return [
        `  API key  ${apiKey.value}`,
        "  (shown once: only its SHA-256 is kept, in .dev.vars)",
      ];
    case "env":
      return ["  API key  from AMS_EDGE_API_KEY"];
    case "env-mismatch":
      return [
        "  AMS_EDGE_API_KEY is not an API key of this Worker (its SHA-256 is not in .dev.vars).",
        "  Unset it, or delete .dev.vars to make a new key.",
      ];
    case "unknown":
      return [
        "  API key: not shown again (only its hash is in .dev.vars). Set AMS_EDGE_API_KEY to it for",
        "  a till link and a curl that carry it, or delete .dev.vars to make a new one.",
      ];
  }
}

/** The banner, ending in a newline. */
export function formatStartBanner(input: StartBannerInput): string {
  const { workerUrl, sandboxUrl, apiKey } = input;
  const store = encodeURIComponent(input.storeId);
  const row = (label: string, value: string) => `  ${label.padEnd(21)}${value}`;
  const pages = input.storefrontBuilt
    ? [
        row(
          "Till (point of sale)",
          apiKey.value === null
            ? `${workerUrl}/  (asks for the API key)`
            : `${tillLink(workerUrl, apiKey.value)}  (opens ready to use)`,
        ),
        row("Entry Code page", `${workerUrl}/entry/${store}`),
        row("Entry Code to print", `${workerUrl}/print/${store}`),
        row("Worker's pay page", `${workerUrl}/pay/${store}  (what the printed code opens)`),
      ]
    : [
        row("Worker", `${workerUrl}/  (storefront not built: a placeholder page)`),
        row("Entry Code page", `${workerUrl}/pay/${store}`),
        row("Entry Code to print", `${workerUrl}/api/stores/${store}/entry-code.svg`),
      ];
  const body = JSON.stringify({
    amount: { currency: "USD", value: "1250" },
    description: "Two flat whites",
    storeId: input.storeId,
  });
  return [
    "",
    "ams-edge is running (Ctrl-C stops it)",
    "",
    ...pages,
    row(
      "Sandbox gateway",
      `${sandboxUrl}  (the QR codes open its wallet page: pay or decline there)`,
    ),
    ...input.origins.map((origin, i) => row(i === 0 ? "Allowed origins" : "", origin)),
    row("", "(CORS; add yours: npm start -- --origin <url>, or AMS_EDGE_ORIGINS)"),
    row(
      "Local state",
      `${input.state.folder}  ${input.state.fresh ? "(cleared: started fresh)" : "(payments kept across restarts; npm start -- --fresh clears them)"}`,
    ),
    "",
    ...apiKeyLines(apiKey),
    "",
    "Create a payment:",
    "",
    `  curl -s ${workerUrl}/api/payments \\`,
    `    -H "authorization: Bearer ${apiKey.value ?? "$AMS_EDGE_API_KEY"}" \\`,
    '    -H "content-type: application/json" \\',
    '    -H "idempotency-key: $(date +%s)" \\',
    `    -d '${body}'`,
    "",
  ].join("\n");
}
