import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAmsClient } from "@ams-edge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderCode, startReceiver, type TestReceiver } from "../e2e/harness.ts";
import { main } from "./cli.ts";
import type { CliIo } from "./cli-io.ts";
import { SANDBOX_KEYS_FORMAT, type SandboxKeysFile } from "./sandbox-keys-file.ts";

/** `ams-edge sandbox` in this process: its output so far, and a way to stop it. */
interface Running {
  out: () => string;
  err: () => string;
  /** Resolves once the first line of output is there. */
  started: Promise<void>;
  stop(): Promise<number>;
}

function startCommand(args: string[], cwd: string): Running {
  let out = "";
  let err = "";
  let stop = (): void => undefined;
  let started = (): void => undefined;
  const io: CliIo = {
    out: (text) => {
      out += text;
      started();
    },
    err: (text) => {
      err += text;
      started();
    },
    cwd,
    stopped: new Promise<void>((resolve) => {
      stop = resolve;
    }),
  };
  const exit = main(["sandbox", ...args], io);
  return {
    out: () => out,
    err: () => err,
    started: new Promise<void>((resolve) => {
      started = resolve;
    }),
    stop: async () => {
      stop();
      return exit;
    },
  };
}

let dir = "";
let receiver: TestReceiver;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ams-edge-sandbox-cli-"));
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

describe("ams-edge sandbox --keys --ledger", () => {
  it("keeps its keys, client id and payments across restarts, and prints what a client needs", async () => {
    const keysPath = join(dir, "keys.json");
    const ledgerPath = join(dir, "state", "ledger.json");
    const args = ["--port", "0", "--keys", "keys.json", "--ledger", ledgerPath];

    const first = startCommand([...args, "--client-id", "MY_SHOP"], dir);
    await first.started;
    const keys = JSON.parse(await readFile(keysPath, "utf8")) as SandboxKeysFile;
    expect(Object.keys(keys)).toStrictEqual([
      "format",
      "clientId",
      "merchantPrivateKey",
      "merchantPublicKey",
      "alipayPrivateKey",
      "alipayPublicKey",
    ]);
    expect([keys.format, keys.clientId]).toStrictEqual([SANDBOX_KEYS_FORMAT, "MY_SHOP"]);
    expect((await stat(keysPath)).mode & 0o777).toBe(0o600);
    const url = /listening on (\S+)/.exec(first.out())?.[1] ?? "";
    const row = (label: string, value: string) => `\n  ${label.padEnd(22)}${value}\n`;
    expect(first.out()).toContain(row("gateway", url));
    expect(first.out()).toContain(row("client id", "MY_SHOP"));
    expect(first.out()).toContain(
      row("merchant private key", `in ${keysPath} ("merchantPrivateKey", PKCS#8 base64)`),
    );
    expect(first.out()).toContain(row("merchant public key", keys.merchantPublicKey));
    expect(first.out()).toContain(row("alipay public key", keys.alipayPublicKey));
    expect(first.out()).toContain(row("keys file", `${keysPath} (made now)`));
    expect(first.out()).toContain(row("ledger file", ledgerPath));
    expect(first.out()).toContain(
      "  npx ams-edge verify --explain --client-id MY_SHOP --public-key <alipay public key>",
    );
    expect(first.out()).not.toContain(keys.merchantPrivateKey);
    expect(first.out()).not.toContain(keys.alipayPrivateKey);

    const client = (gateway: string) =>
      createAmsClient({
        clientId: keys.clientId,
        privateKey: keys.merchantPrivateKey,
        alipayPublicKey: keys.alipayPublicKey,
        gateway,
        retry: false,
      });
    const created = await client(url).createOrderCode(
      orderCode("kept-across-restarts", "599", receiver.url),
    );
    expect(created.status).toBe("S");
    expect(await first.stop()).toBe(0);
    expect((await stat(ledgerPath)).mode & 0o777).toBe(0o600);

    // Started again without --client-id: the file decides.
    const second = startCommand(args, dir);
    await second.started;
    expect(second.out()).toContain(row("keys file", `${keysPath} (kept from an earlier start)`));
    expect(second.out()).toContain(row("alipay public key", keys.alipayPublicKey));
    const again = /listening on (\S+)/.exec(second.out())?.[1] ?? "";
    const kept = await client(again).inquiryPayment({ paymentRequestId: "kept-across-restarts" });
    expect([kept.status, kept.status === "S" ? kept.data.paymentStatus : null]).toStrictEqual([
      "S",
      "PENDING",
    ]);
    const paid = await fetch(`${again}/sandbox/payments/kept-across-restarts/pay`, {
      method: "POST",
    });
    expect(paid.status).toBe(200);
    const after = await client(again).inquiryPayment({ paymentRequestId: "kept-across-restarts" });
    expect(after.status === "S" ? after.data.paymentStatus : after.status).toBe("SUCCESS");
    // A new payment's id does not repeat one made before the restart.
    const next = await client(again).createOrderCode(
      orderCode("after-restart", "599", receiver.url),
    );
    const ids = [created, next].map((r) => (r.status === "S" ? r.data.paymentId : r.status));
    expect(new Set(ids).size).toBe(2);
    expect(await second.stop()).toBe(0);
    const ledger = JSON.parse(await readFile(ledgerPath, "utf8")) as {
      payments: { paymentRequestId: string; status: string }[];
    };
    expect(ledger.payments.map((p) => [p.paymentRequestId, p.status])).toStrictEqual([
      ["kept-across-restarts", "SUCCESS"],
      ["after-restart", "PENDING"],
    ]);
  });

  it("refuses another client id than the file's, keys given beside --keys, and a file that is not its own", async () => {
    const keysPath = join(dir, "refusals.json");
    const made = startCommand(["--port", "0", "--keys", keysPath], dir);
    await made.started;
    expect(await made.stop()).toBe(0);
    const keys = JSON.parse(await readFile(keysPath, "utf8")) as SandboxKeysFile;
    expect(keys.clientId).toBe("SANDBOX_LOCAL");

    const other = startCommand(["--port", "0", "--keys", keysPath, "--client-id", "OTHER"], dir);
    expect(await other.stop()).toBe(2);
    expect(other.err()).toMatch(
      `ams-edge sandbox: --client-id OTHER: ${keysPath} holds the keys of client id SANDBOX_LOCAL; drop --client-id, or give another --keys file\n`,
    );

    const both = startCommand(
      ["--keys", keysPath, "--alipay-private-key", keys.alipayPrivateKey],
      dir,
    );
    expect(await both.stop()).toBe(2);
    expect(both.err()).toMatch(
      /^ams-edge sandbox: --alipay-private-key and --keys: the keys file holds both pairs/,
    );

    const swapped = join(dir, "swapped.json");
    await writeFile(swapped, JSON.stringify({ ...keys, alipayPublicKey: keys.merchantPublicKey }));
    const mismatch = startCommand(["--keys", swapped], dir);
    expect(await mismatch.stop()).toBe(2);
    expect(mismatch.err()).toMatch(
      `ams-edge sandbox: --keys: alipayPublicKey in ${swapped} is not the public key of alipayPrivateKey\n`,
    );

    const notKeys = join(dir, "not-keys.json");
    await writeFile(notKeys, '{"clientId":"X"}');
    const wrong = startCommand(["--keys", notKeys], dir);
    expect(await wrong.stop()).toBe(2);
    expect(wrong.err()).toMatch(
      /is not a sandbox keys file \(expected "format": "ams-edge-sandbox-keys\/1"/,
    );
    expect(wrong.err()).toMatch(
      /missing merchantPrivateKey, merchantPublicKey, alipayPrivateKey, alipayPublicKey\)/,
    );
  });
});
