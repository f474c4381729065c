import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiKeyHash } from "./local-secrets.ts";
import { formatStartBanner, knownApiKey, tillLink } from "./start-banner.ts";
import { DEFAULT_ORIGINS } from "./start-options.ts";

const TEST_KEY = "ams_local_test+key/not=secret";
const base = {
  workerUrl: "http://127.0.0.1:8787",
  sandboxUrl: "http://127.0.0.1:8788",
  storeId: "demo-store",
  storefrontBuilt: true,
  origins: DEFAULT_ORIGINS,
  state: { folder: ".wrangler/state", fresh: false },
};

describe("knownApiKey", () => {
  const hashes = `local:${apiKeyHash(TEST_KEY)}`;

  it("is the key just made, else AMS_EDGE_API_KEY when .dev.vars lists its hash", () => {
    expect(knownApiKey("ams_local_new", TEST_KEY, hashes)).toStrictEqual({
      source: "new",
      value: "ams_local_new",
    });
    expect(
      knownApiKey(null, ` ${TEST_KEY} `, `a:${"0".repeat(64)}, ${hashes.toUpperCase()}`),
    ).toStrictEqual({ source: "env", value: TEST_KEY });
  });

  it("is unknown without AMS_EDGE_API_KEY, and says so when it is another key", () => {
    expect(knownApiKey(null, undefined, hashes)).toStrictEqual({ source: "unknown", value: null });
    expect(knownApiKey(null, "", hashes)).toStrictEqual({ source: "unknown", value: null });
    expect(knownApiKey(null, "ams_local_other", hashes)).toStrictEqual({
      source: "env-mismatch",
      value: null,
    });
  });
});

describe("formatStartBanner", () => {
  it("prints the till link with the key, the Entry Code pages, and a ready-to-paste curl", () => {
    const banner = formatStartBanner({ ...base, apiKey: { source: "new", value: TEST_KEY } });
    expect(banner).toBe(`
ams-edge is running (Ctrl-C stops it)

  Till (point of sale) http://127.0.0.1:8787/#apiKey=ams_local_test%2Bkey%2Fnot%3Dsecret  (opens ready to use)
  Entry Code page      http://127.0.0.1:8787/entry/demo-store
  Entry Code to print  http://127.0.0.1:8787/print/demo-store
  Worker's pay page    http://127.0.0.1:8787/pay/demo-store  (what the printed code opens)
  Sandbox gateway      http://127.0.0.1:8788  (the QR codes open its wallet page: pay or decline there)
  Allowed origins      http://127.0.0.1:5173
                       http://localhost:5173
                       (CORS; add yours: npm start -- --origin <url>, or AMS_EDGE_ORIGINS)
  Local state          .wrangler/state  (payments kept across restarts; npm start -- --fresh clears them)

  API key  ams_local_test+key/not=secret
  (shown once: only its SHA-256 is kept, in .dev.vars)

Create a payment:

  curl -s http://127.0.0.1:8787/api/payments \\
    -H "authorization: Bearer ams_local_test+key/not=secret" \\
    -H "content-type: application/json" \\
    -H "idempotency-key: $(date +%s)" \\
    -d '{"amount":{"currency":"USD","value":"1250"},"description":"Two flat whites","storeId":"demo-store"}'
`);
    expect(tillLink(base.workerUrl, TEST_KEY)).toBe(
      "http://127.0.0.1:8787/#apiKey=ams_local_test%2Bkey%2Fnot%3Dsecret",
    );
  });

  it("links the plain till and leaves the key to the shell when it is unknown", () => {
    const banner = formatStartBanner({ ...base, apiKey: { source: "unknown", value: null } });
    expect(banner).toContain(
      "  Till (point of sale) http://127.0.0.1:8787/  (asks for the API key)\n",
    );
    expect(banner).toContain('-H "authorization: Bearer $AMS_EDGE_API_KEY"');
    expect(banner).not.toContain("#apiKey=");
    expect(banner).toContain("Set AMS_EDGE_API_KEY to it");
  });

  it("names the key's source when it came from AMS_EDGE_API_KEY, or why it did not", () => {
    const fromEnv = formatStartBanner({ ...base, apiKey: { source: "env", value: TEST_KEY } });
    expect(fromEnv).toContain(`${tillLink(base.workerUrl, TEST_KEY)}  (opens ready to use)`);
    expect(fromEnv).toContain("  API key  from AMS_EDGE_API_KEY\n");
    expect(fromEnv).not.toContain("shown once");
    const wrong = formatStartBanner({ ...base, apiKey: { source: "env-mismatch", value: null } });
    expect(wrong).toContain("AMS_EDGE_API_KEY is not an API key of this Worker");
  });

  it("points at the Worker's own Entry Code pages when the storefront is not built", () => {
    const banner = formatStartBanner({
      ...base,
      storefrontBuilt: false,
      apiKey: { source: "new", value: TEST_KEY },
    });
    expect(banner.split("\n").slice(3, 6)).toStrictEqual([
      "  Worker               http://127.0.0.1:8787/  (storefront not built: a placeholder page)",
      "  Entry Code page      http://127.0.0.1:8787/pay/demo-store",
      "  Entry Code to print  http://127.0.0.1:8787/api/stores/demo-store/entry-code.svg",
    ]);
    expect(banner).not.toContain("/entry/");
  });
});

describe("the start banner in the root README", () => {
  it("is the banner npm start prints, the key and the extra origin aside", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const shown = /prints where everything is[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    const key = "ams_local_0123456789abcdef";
    const real = formatStartBanner({
      ...base,
      origins: [...DEFAULT_ORIGINS, "http://localhost:3000"],
      apiKey: { source: "new", value: key },
    });
    // The README shows the key as `ams_local_…`; everything else is as printed.
    expect(shown).toBe(real.replace(/^\n/, "").replaceAll(key, "ams_local_…"));
  });
});
