/**
 * The provider's gateways by region (PROTOCOL §5). The provider warns that addresses may change,
 * so any `https:` URL is accepted as well.
 */
export const AMS_GATEWAYS = {
  na: "https://open-na.alipay.com",
  "na-accelerated": "https://open-na-global.alipay.com",
  sea: "https://open-sea.alipay.com",
  "sea-accelerated": "https://open-sea-global.alipay.com",
  eu: "https://open-eu.alipay.com",
  "eu-accelerated": "https://open-de-global.alipay.com",
} as const;

/** A region name accepted by {@link resolveGatewayUrl}. */
export type AmsGatewayRegion = keyof typeof AMS_GATEWAYS;

// Plain HTTP is only for a gateway on this machine (the local sandbox); a payment request sent in
// clear text over a network would expose the signature and the order.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isRegion(gateway: string): gateway is AmsGatewayRegion {
  return Object.hasOwn(AMS_GATEWAYS, gateway);
}

/**
 * Turns a region name (`"na"`, `"sea-accelerated"`, ...) or a base URL into the base URL requests
 * go to, without a trailing slash. `http:` is accepted only for `localhost` and `127.0.0.1`.
 *
 * @example
 * resolveGatewayUrl("eu-accelerated"); // "https://open-de-global.alipay.com"
 * resolveGatewayUrl("http://127.0.0.1:8788"); // "http://127.0.0.1:8788"
 */
export function resolveGatewayUrl(gateway: AmsGatewayRegion | (string & {})): string {
  if (typeof gateway !== "string" || gateway === "") {
    throw new TypeError(
      `gateway: expected a region name (${Object.keys(AMS_GATEWAYS).join(", ")}) or an https URL, got ${JSON.stringify(gateway)}`,
    );
  }
  if (isRegion(gateway)) return AMS_GATEWAYS[gateway];
  let url: URL;
  try {
    url = new URL(gateway);
  } catch {
    throw new TypeError(
      `gateway: "${gateway}" is neither a region name (${Object.keys(AMS_GATEWAYS).join(", ")}) nor an absolute URL`,
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new TypeError(
      `gateway: "${gateway}" must use https: (http: is allowed only for localhost and 127.0.0.1)`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new TypeError(
      `gateway: "${gateway}" must be a base URL without query, fragment or credentials`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
