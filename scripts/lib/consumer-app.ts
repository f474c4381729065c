/**
 * A small Vite + React point-of-sale page built from the installed tarballs of `@ams-edge/core`
 * and `@ams-edge/react-hooks`: a Charge button, then the hooks' `OrderCodeQr` until the payment
 * ends. The packages step builds it (scripts/check-packages-consumers.ts); the browser suite also
 * serves the build and takes a payment with it in Chromium
 * (test/browser/installed-hooks.browser.test.ts).
 *
 * The page reads the Worker's origin and the merchant API key from its URL's fragment
 * (`#worker=http://127.0.0.1:8787&apiKey=...`), so the app can be served from any origin and the
 * key never reaches a server log; without them it calls its own origin.
 */

/** The app's files, by path inside the project (JSX, no TypeScript: nothing to configure). */
export const consumerApp: Readonly<Record<string, string>> = {
  "index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>consumer</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body>
</html>
`,
  "vite.config.js": `import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
export default defineConfig({ plugins: [react()], logLevel: "warn" });
`,
  "src/main.jsx": `import { toMinorUnits } from "@ams-edge/core";
import { AmsProvider, OrderCodeQr, useOrderCodePayment } from "@ams-edge/react-hooks";
import { createRoot } from "react-dom/client";

const settings = new URLSearchParams(location.hash.slice(1));
const baseUrl = settings.get("worker") ?? location.origin;
const apiKey = settings.get("apiKey") ?? "consumer-key";

function Charge() {
  const { state, create } = useOrderCodePayment();
  if (state.status === "idle") {
    const amount = { currency: "USD", value: toMinorUnits("5.99", "USD") };
    return <button onClick={() => create({ amount, description: "Latte", storeId: "demo-store" })}>Charge</button>;
  }
  return <OrderCodeQr state={state} />;
}

createRoot(document.getElementById("root")).render(
  <AmsProvider baseUrl={baseUrl} apiKey={apiKey}><Charge /></AmsProvider>,
);
`,
};
