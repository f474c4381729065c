import { formatAmount } from "@ams-edge/core";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { PaymentRecord } from "../state/payment-record.ts";
import { isOpen } from "./customer-actions.ts";
import { describePayment } from "./describe-payment.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
.badge{display:inline-block;font-size:.8rem;background:#fff3cd;padding:.2rem .5rem;border-radius:4px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{color:#555}dd{margin:0}
#amount{font-size:1.6rem;font-weight:600}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:8px;border:1px solid #1677ff;cursor:pointer}
#pay{background:#1677ff;color:#fff;width:100%}#decline{background:#fff;color:#1677ff}
form{margin:1rem 0}label{margin-right:.5rem}
[role=status]{font-weight:600;padding:.6rem;border-radius:6px;background:#eef3ff}
`;

// Reloads when the payment changes elsewhere (the merchant cancels, time runs out), and keeps a
// double click from submitting twice.
const SCRIPT = `
(function(){
  var main=document.querySelector("main");var id=main.dataset.paymentId;var status=main.dataset.status;
  document.querySelectorAll("form").forEach(function(form){form.addEventListener("submit",function(){
    document.querySelectorAll("button").forEach(function(b){b.disabled=true;});});});
  if(status!=="PENDING"&&status!=="PROCESSING")return;
  setInterval(function(){fetch("../sandbox/payments/"+encodeURIComponent(id)).then(function(r){return r.json();})
    .then(function(body){if(body.payment&&body.payment.status!==status)location.reload();}).catch(function(){});},1000);
})();
`;

function amountText(payment: PaymentRecord): string {
  try {
    return formatAmount(payment.amount, "en-US");
  } catch {
    return `${payment.amount.currency} ${payment.amount.value} (minor units)`;
  }
}

/**
 * The customer's wallet page for one payment: who is paid, how much, and Pay / Decline buttons
 * (plain forms, so it works without JavaScript).
 */
export function walletPage(payment: PaymentRecord): HtmlEscapedString | Promise<HtmlEscapedString> {
  const amount = amountText(payment);
  const id = payment.paymentId;
  const open = isOpen(payment);
  const actions = open
    ? html`<form method="post" action="${id}/pay">
  <button type="submit" id="pay">Pay ${amount}</button>
</form>
<form method="post" action="${id}/decline">
  <label for="resultCode">Reason</label>
  <select id="resultCode" name="resultCode">
    <option value="USER_BALANCE_NOT_ENOUGH">Balance not enough</option>
    <option value="RISK_REJECT">Rejected for risk</option>
    <option value="PROCESS_FAIL">Something else went wrong</option>
  </select>
  <button type="submit" id="decline">Decline</button>
</form>`
    : "";
  const back =
    payment.redirectUrl !== null && !open
      ? html`<p><a href="${payment.redirectUrl}">Return to ${payment.merchantName}</a></p>`
      : "";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox wallet: pay ${amount} to ${payment.merchantName}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main aria-labelledby="title" data-payment-id="${id}" data-status="${payment.status}">
<p class="badge">AMS sandbox wallet: no real money moves</p>
<h1 id="title">Pay ${payment.merchantName}</h1>
<dl>
  <dt>Amount</dt><dd id="amount">${amount}</dd>
  <dt>Store</dt><dd>${payment.storeName}</dd>
  <dt>Order</dt><dd>${payment.orderDescription}</dd>
  <dt>Payment</dt><dd><code>${id}</code></dd>
</dl>
<p id="status" role="status" aria-live="polite">${describePayment(payment)}</p>
${actions}
${back}
</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>`;
}
