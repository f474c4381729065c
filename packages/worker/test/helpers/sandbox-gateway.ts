import { exports } from "cloudflare:workers";
import { createSandbox, type Sandbox, type SandboxOptions } from "@ams-edge/sandbox";
import { vi } from "vitest";
import { TEST_CLIENT_ID, TEST_GATEWAY_URL } from "../fixtures/test-config.ts";
import { TEST_ALIPAY_PRIVATE_KEY, TEST_MERCHANT_PUBLIC_KEY } from "../fixtures/test-keys.ts";

/**
 * Puts the sandbox gateway behind the isolate's `fetch`: the Worker's Durable Objects run in the
 * tests' isolate, so their gateway calls to TEST_GATEWAY_URL reach this sandbox, and the
 * sandbox's notifications reach the Worker through its own `fetch` handler. Any other URL fails:
 * no test touches the network.
 */
export function useSandboxGateway(options: Partial<SandboxOptions> = {}): Sandbox {
  const sandbox = createSandbox({
    merchants: [{ clientId: TEST_CLIENT_ID, publicKey: TEST_MERCHANT_PUBLIC_KEY }],
    alipayPrivateKey: TEST_ALIPAY_PRIVATE_KEY,
    baseUrl: TEST_GATEWAY_URL,
    magicAmounts: false,
    notifyTimeoutMs: 5000,
    fetch: (input, init) => exports.default.fetch(new Request(input, init)),
    ...options,
  });
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin === TEST_GATEWAY_URL) return sandbox.fetch(request);
    throw new TypeError(`no network in tests: ${request.method} ${request.url}`);
  });
  return sandbox;
}
