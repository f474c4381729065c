import type { StoreConfig } from "../config/store-config.ts";

/** What the Entry Code page needs to know about the store. */
export interface PayPageInput {
  store: StoreConfig & { entryCode: { minValue: string; maxValue: string } };
  /** Digits after the decimal point in the store's currency (ISO 4217). */
  minorDigits: number;
  /** Nonce of the page's one inline script, also put in its Content-Security-Policy. */
  nonce: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Content-Security-Policy that goes with {@link renderPayPage}. */
export function payPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The customer's Entry Code page: type an amount, pay in the wallet, come back to the result. It
 * is plain HTML with one inline script, so it works before (and without) the storefront build.
 */
export function renderPayPage({ store, minorDigits, nonce }: PayPageInput): string {
  // JSON inside <script> must not contain "<" (it could close the element).
  const config = JSON.stringify({
    storeId: store.id,
    currency: store.currency,
    digits: minorDigits,
    min: store.entryCode.minValue,
    max: store.entryCode.maxValue,
  }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pay ${escapeHtml(store.name)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:0 auto;padding:2rem 1rem;color:#1a1a1a}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .3rem}
input{font-size:2rem;width:100%;box-sizing:border-box;padding:.4rem}
button{font-size:1.2rem;width:100%;margin-top:1rem;padding:.8rem;background:#1677ff;color:#fff;border:0;border-radius:.4rem}
button:disabled{opacity:.5}#message{min-height:1.5rem;margin-top:1rem}
.succeeded{color:#127a2a}.failed,.error{color:#b00020}
</style>
</head>
<body>
<h1>${escapeHtml(store.name)}</h1>
<form id="pay">
<label for="amount">Amount (${escapeHtml(store.currency)})</label>
<input id="amount" name="amount" inputmode="decimal" autocomplete="off" required>
<button id="submit" type="submit">Pay with Alipay+</button>
</form>
<p id="message" role="status" aria-live="polite"></p>
<script type="application/json" id="config">${config}</script>
<script nonce="${nonce}">
"use strict";
const config = JSON.parse(document.getElementById("config").textContent);
const form = document.getElementById("pay");
const input = document.getElementById("amount");
const button = document.getElementById("submit");
const message = document.getElementById("message");
const show = (text, kind) => { message.textContent = text; message.className = kind || ""; };
const major = (minor) => {
  const s = minor.padStart(config.digits + 1, "0");
  return config.digits === 0 ? s : s.slice(0, -config.digits) + "." + s.slice(-config.digits);
};
// Exact conversion to minor units: digits only, no floating point.
const toMinor = (text) => {
  const m = /^(\\d+)(?:[.,](\\d*))?$/.exec(text.trim());
  if (!m || (m[2] || "").length > config.digits) return null;
  const minor = (m[1] + (m[2] || "").padEnd(config.digits, "0")).replace(/^0+(?=\\d)/, "");
  return minor;
};
const cmp = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
input.placeholder = major(config.min) + " – " + major(config.max);
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const value = toMinor(input.value);
  if (value === null) return show("Enter an amount such as " + major(config.min) + ".", "error");
  if (cmp(value, config.min) < 0 || cmp(value, config.max) > 0) {
    return show("The amount must be between " + major(config.min) + " and " + major(config.max) + " " + config.currency + ".", "error");
  }
  button.disabled = true;
  show("Opening your wallet…");
  try {
    const response = await fetch("/api/entry/" + encodeURIComponent(config.storeId) + "/payments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: { currency: config.currency, value } }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : "HTTP " + response.status);
    if (!body.redirectUrl) throw new Error("the payment could not be started (" + (body.resultCode || body.status) + ")");
    location.href = body.redirectUrl;
  } catch (error) {
    button.disabled = false;
    show("Could not start the payment: " + error.message, "error");
  }
});
const labels = { succeeded: "Paid. Thank you!", failed: "The payment failed.", cancelled: "The payment was cancelled.", expired: "The payment expired.", reversed: "The payment was reversed.", mismatch: "The payment needs attention from the shop." };
const params = new URLSearchParams(location.search);
const followed = params.get("payment");
const token = params.get("token");
if (followed && token) {
  form.hidden = true;
  const poll = async () => {
    try {
      const response = await fetch("/api/payments/" + encodeURIComponent(followed) + "?token=" + encodeURIComponent(token));
      const view = await response.json();
      if (!response.ok) throw new Error(view.error ? view.error.message : "HTTP " + response.status);
      const amount = major(view.amount.value) + " " + view.amount.currency;
      if (labels[view.status]) return show(labels[view.status] + " (" + amount + ")", view.status === "succeeded" ? "succeeded" : "failed");
      show("Waiting for the payment of " + amount + "…");
    } catch (error) {
      show("Checking the payment: " + error.message, "error");
    }
    setTimeout(poll, 2000);
  };
  poll();
}
</script>
</body>
</html>
`;
}
