import { providerName } from "#crypto-provider";

/**
 * Which crypto provider this runtime picked through the package's export conditions: `"node"`
 * (node:crypto, chosen under the `node` condition) or `"web"` (WebCrypto everywhere else).
 */
export const cryptoRuntime: "web" | "node" = providerName;
