/**
 * Runs the Express backend with its configuration from the environment:
 *
 * - `AMS_SANDBOX_KEYS`: the keys file of `npx ams-edge sandbox --keys <file>` (client id, merchant
 *   private key, provider public key), for the local sandbox; or else
 * - `AMS_CLIENT_ID`, `AMS_PRIVATE_KEY` (the merchant's private key) and `ALIPAY_PUBLIC_KEY`;
 * - `AMS_GATEWAY`: a region (`na`, `sea`, `eu`) or a base URL (default the local sandbox,
 *   `http://127.0.0.1:8788`);
 * - `PORT` (default 3000) and `PUBLIC_URL`, the URL the provider reaches this backend at.
 */
import { readFileSync } from "node:fs";
import { startBackend } from "./app.js";

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (value === undefined || value === "") {
    console.error(`Set ${name}, or AMS_SANDBOX_KEYS to the file of "npx ams-edge sandbox --keys".`);
    process.exit(2);
  }
  return value;
}

const keysFile = process.env.AMS_SANDBOX_KEYS;
const keys =
  keysFile === undefined || keysFile === ""
    ? {
        clientId: required("AMS_CLIENT_ID"),
        merchantPrivateKey: required("AMS_PRIVATE_KEY"),
        alipayPublicKey: required("ALIPAY_PUBLIC_KEY"),
      }
    : JSON.parse(readFileSync(keysFile, "utf8"));

const backend = await startBackend({
  gateway: process.env.AMS_GATEWAY || "http://127.0.0.1:8788",
  clientId: keys.clientId,
  merchantPrivateKey: keys.merchantPrivateKey,
  alipayPublicKey: keys.alipayPublicKey,
  port: Number(process.env.PORT || 3000),
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
});
console.log(`backend listening on ${backend.url}`);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => void backend.close());
}
