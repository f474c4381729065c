/**
 * The published hooks in a user's app, in headless Chromium: `@ams-edge/core` and
 * `@ams-edge/react-hooks` are built and packed with `npm pack`, installed with React and Vite
 * (npm's cache, or the registry) into a new project under the OS temp folder, and the project's
 * Vite + React app (scripts/lib/consumer-app.ts) is built and served from its own origin. Against
 * the real local stack, with that origin allowed as `npm start -- --origin <url>` allows it, the
 * app charges, shows the Worker's order code as a QR, and ends on the paid screen once the
 * sandbox's wallet pays. Served from an origin the Worker does not allow, the same app shows the
 * hooks' error naming CORS and the origin to allow. The final screen is saved under
 * test-results/browser/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import type { CreatedPayment } from "@ams-edge/react-hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkViteConsumer, installConsumer } from "../../scripts/check-packages-consumers.ts";
import { consumerApp } from "../../scripts/lib/consumer-app.ts";
import { type LocalStack, repositoryRoot, startLocalStack } from "../../scripts/lib/local-stack.ts";
import { parseStartOptions } from "../../scripts/lib/start-options.ts";
import { type Chromium, launchChromium } from "./chromium.ts";
import { decodeQrPng } from "./decode-qr.ts";
import { type ServedFolder, serveFolder } from "./serve-folder.ts";

const artifacts = join(repositoryRoot, "test-results", "browser");
const packed = ["@ams-edge/core", "@ams-edge/react-hooks"];

// npm and Vite under the Node running this suite, never the source condition: the app must see
// the packages as a user does.
const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
const env: NodeJS.ProcessEnv = {
  ...inherited,
  PATH: `${dirname(process.execPath)}${delimiter}${inherited.PATH ?? ""}`,
  NODE_ENV: "production",
  NO_COLOR: "1",
  npm_config_update_notifier: "false",
};

function npm(args: string[], cwd: string): string {
  const r = spawnSync("npm", args, { cwd, env, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(
      `npm ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`,
    );
  }
  return r.stdout;
}

/**
 * Builds the two packages from the sources (a dist left by an earlier build may be stale) and
 * packs them into `scratch`; installs them into `app` with the app's files and builds the app
 * into `app/dist`.
 */
function buildInstalledApp(scratch: string, app: string): void {
  npm(
    ["run", "build", "--silent", ...packed.flatMap((name) => ["--workspace", name])],
    repositoryRoot,
  );
  const tarballs: Record<string, string> = {};
  for (const name of packed) {
    const folder = join(repositoryRoot, "packages", name.replace("@ams-edge/", ""));
    const [info] = JSON.parse(npm(["pack", "--json", "--pack-destination", scratch], folder)) as {
      filename: string;
    }[];
    if (info === undefined) throw new Error(`npm pack printed nothing for ${name}`);
    tarballs[name] = join(scratch, info.filename);
  }
  const installed = installConsumer(app, tarballs, env, consumerApp);
  if (!installed.ok) throw new Error(`npm install: ${installed.detail}\n${installed.output ?? ""}`);
  const built = checkViteConsumer(process.execPath, app, env);
  if (!built.ok) throw new Error(`vite build: ${built.detail}\n${built.output ?? ""}`);
}

let scratch: string | undefined;
let served: ServedFolder | undefined;
let refused: ServedFolder | undefined;
let stack: LocalStack | undefined;
let chromium: Chromium | undefined;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), "ams-edge-installed-hooks-"));
  // The server comes first: its origin is what the Worker must allow.
  const app = join(scratch, "app");
  served = await serveFolder(join(app, "dist"));
  // The same app from another origin, which the Worker is not told to allow.
  refused = await serveFolder(join(app, "dist"));
  buildInstalledApp(scratch, app);
  // The Worker's CORS_ORIGINS as `npm start -- --origin <the app's origin>` sets it.
  const { origins } = parseStartOptions(["--origin", served.origin], undefined);
  const [started, launched] = await Promise.allSettled([
    startLocalStack({ label: "installed-hooks", vars: { CORS_ORIGINS: origins.join(",") } }),
    launchChromium(),
  ]);
  if (started.status === "fulfilled") stack = started.value;
  if (launched.status === "fulfilled") chromium = launched.value;
  for (const outcome of [started, launched]) {
    if (outcome.status === "rejected") throw outcome.reason;
  }
});

afterAll(async () => {
  await Promise.allSettled([chromium?.close(), stack?.stop(), served?.close(), refused?.close()]);
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

function running(): {
  chromium: Chromium;
  stack: LocalStack;
  served: ServedFolder;
  refused: ServedFolder;
} {
  if (
    chromium === undefined ||
    stack === undefined ||
    served === undefined ||
    refused === undefined
  ) {
    throw new Error("the app, the stack or Chromium did not start");
  }
  return { chromium, stack, served, refused };
}

describe("a Vite + React app using the installed hooks", () => {
  it("shows the order code from the Worker on another origin, and the paid screen after the wallet pays", async () => {
    const { chromium, stack, served } = running();
    const page = await chromium.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const settings = new URLSearchParams({ worker: stack.workerUrl, apiKey: stack.apiKey });
    await page.goto(`${served.origin}/#${settings}`);

    const answer = page.waitForResponse(
      (r) => r.url() === `${stack.workerUrl}/api/payments` && r.request().method() === "POST",
    );
    // Settled in any case, so that a test failing before it is awaited leaves no rejection behind.
    answer.catch(() => undefined);
    await page.getByRole("button", { name: "Charge" }).click();
    // The app's own status line first: a refused request (CORS) shows there as the hook's error.
    await page.locator('[data-status]:not([data-status="creating"])').waitFor();
    const status = page.locator("[aria-live]");
    expect(await status.textContent()).toBe("Scan with Alipay to pay $5.99.");
    await page.screenshot({
      path: join(artifacts, "installed-hooks-awaiting.png"),
      fullPage: true,
    });
    const response = await answer;
    expect(response.status()).toBe(201);
    // Reached only through CORS: the Worker allowed the app's origin.
    expect(response.headers()["access-control-allow-origin"]).toBe(served.origin);
    const created = (await response.json()) as CreatedPayment;
    const walletUrl = `${stack.sandbox.url}/wallet/${created.paymentId}`;
    expect([
      created.amount,
      created.description,
      created.code?.type,
      created.code?.value,
    ]).toStrictEqual([{ currency: "USD", value: "599" }, "Latte", "QRCODE", walletUrl]);

    const qr = page.getByRole("img", { name: "Alipay payment code for $5.99" });
    await qr.waitFor();
    expect(await decodeQrPng(chromium.context, await qr.screenshot())).toBe(walletUrl);
    expect(await page.getByRole("timer").textContent()).toMatch(/^(10:00|9:[0-5][0-9])$/);

    const wallet = await chromium.context.newPage();
    await wallet.goto(walletUrl);
    await wallet.getByRole("button", { name: "Pay $5.99" }).click();
    await wallet.getByText("Paid. You can return to the merchant.").waitFor();

    await page.locator('[data-status="succeeded"]').waitFor();
    expect(await status.textContent()).toBe("Paid: $5.99.");
    expect(await page.getByRole("img").count()).toBe(0);
    expect(pageErrors).toStrictEqual([]);
    await page.screenshot({ path: join(artifacts, "installed-hooks-paid.png"), fullPage: true });
    await Promise.all([wallet.close(), page.close()]);
  });

  it("from an origin the Worker does not allow, says so: CORS, and the origin to allow", async () => {
    const { chromium, stack, refused } = running();
    const page = await chromium.context.newPage();
    const settings = new URLSearchParams({ worker: stack.workerUrl, apiKey: stack.apiKey });
    await page.goto(`${refused.origin}/#${settings}`);
    const before = stack.sandbox.sandbox.payments().length;
    await page.getByRole("button", { name: "Charge" }).click();
    await page.locator('[data-status="error"]').waitFor();
    expect(await page.locator("[aria-live]").textContent()).toBe(
      `POST /api/payments: no answer: the Worker may be down, or it refused this page's origin (CORS): allow ${refused.origin}; check baseUrl, then retry.`,
    );
    // Refused at the preflight: no payment was created.
    expect(stack.sandbox.sandbox.payments().length).toBe(before);
    await page.close();
  });
});
