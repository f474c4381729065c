import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createAmsClient,
  createSignature,
  formatSignatureHeader,
  verifySignature,
} from "@ams-edge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver } from "../e2e/harness.ts";
import {
  TEST_ALIPAY_PRIVATE_KEY,
  TEST_ALIPAY_PUBLIC_KEY,
  TEST_MERCHANT_PRIVATE_KEY,
  TEST_MERCHANT_PUBLIC_KEY,
} from "../fixtures/test-keys.ts";

const BIN = fileURLToPath(new URL("../../bin/ams-edge.js", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ams-edge-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ams-edge", () => {
  it("prints its usage for --help (exit 0) and fails without a command (exit 2)", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ams-edge <command>/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: ams-edge <command>/);
    const unknown = await run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ams-edge: unknown command "frobnicate"/);
  });

  it.each(["keygen", "sandbox", "verify", "notify"])(
    "%s --help prints its usage and exits 0",
    async (command) => {
      const result = await run([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith(`Usage: ams-edge ${command}`)).toBe(true);
    },
  );

  it("exits 2 with the command's usage on an unknown option", async () => {
    const result = await run(["keygen", "--bits", "1024"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ams-edge keygen: Unknown option '--bits'/);
    expect(result.stderr).toContain("Usage: ams-edge keygen");
  });
});

describe("ams-edge keygen", () => {
  it("prints a working key pair: the public key in the portal's bare base64 form", async () => {
    const text = await run(["keygen"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Public key \(paste into the portal\):\nMIIBIjAN[A-Za-z0-9+/]+={0,2}\n/,
    );
    const json = await run(["keygen", "--json"]);
    const keys = JSON.parse(json.stdout) as Record<string, string>;
    expect(Object.keys(keys)).toStrictEqual([
      "privateKeyBase64",
      "privateKeyPem",
      "publicKeyBase64",
      "publicKeyPem",
    ]);
    const content = { method: "POST", path: "/x", clientId: "C", requestTime: "1", body: "{}" };
    const signature = await createSignature(content, keys.privateKeyPem ?? "");
    expect(await verifySignature(content, signature, keys.publicKeyBase64 ?? "")).toBe(true);
    expect(await verifySignature(content, signature, keys.publicKeyPem ?? "")).toBe(true);
  });

  it("--out writes the four files (private ones 0600) and refuses to overwrite them without --force", async () => {
    const out = join(dir, "keys");
    const first = await run(["keygen", "--out", out]);
    expect(first.code).toBe(0);
    const publicBase64 = (await readFile(join(out, "public-key.base64.txt"), "utf8")).trim();
    expect(first.stdout.startsWith(`Public key (paste into the portal):\n${publicBase64}\n`)).toBe(
      true,
    );
    expect((await stat(join(out, "private-key.pem"))).mode & 0o777).toBe(0o600);
    expect((await stat(join(out, "private-key.base64.txt"))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(out, "private-key.pem"), "utf8")).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n/,
    );
    expect(await readFile(join(out, "public-key.pem"), "utf8")).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n/,
    );
    const again = await run(["keygen", "--out", out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; pass --force to overwrite it");
    expect((await readFile(join(out, "public-key.base64.txt"), "utf8")).trim()).toBe(publicBase64);
    const forced = await run(["keygen", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readFile(join(out, "public-key.base64.txt"), "utf8")).trim()).not.toBe(
      publicBase64,
    );
  });
});

describe("ams-edge verify", () => {
  const content = {
    method: "POST",
    path: "/alipay/notify",
    clientId: "SANDBOX_LOCAL",
    requestTime: "2026-01-01T00:00:00+00:00",
    body: '{"notifyType":"PAYMENT_RESULT","paymentRequestId":"p-1"}',
  };

  it("exits 0 for a valid signature given by flags", async () => {
    const signature = formatSignatureHeader({
      signature: await createSignature(content, TEST_ALIPAY_PRIVATE_KEY),
    });
    const bodyFile = join(dir, "body.json");
    await writeFile(bodyFile, content.body);
    const result = await run([
      "verify",
      "--path",
      content.path,
      "--client-id",
      content.clientId,
      "--request-time",
      content.requestTime,
      "--body-file",
      bodyFile,
      "--signature",
      signature,
      "--public-key",
      TEST_ALIPAY_PUBLIC_KEY,
    ]);
    expect(result).toStrictEqual({
      code: 0,
      stdout: "valid: the signature verifies\n",
      stderr: "",
    });
  });

  it("--explain names the cause (a body changed in transit, the merchant's own key) and exits 1", async () => {
    const signature = await createSignature(content, TEST_ALIPAY_PRIVATE_KEY);
    const keyFile = join(dir, "merchant-public.pem");
    await writeFile(keyFile, TEST_MERCHANT_PUBLIC_KEY);
    const input = join(dir, "verify-input.json");
    await writeFile(
      input,
      JSON.stringify({
        ...content,
        body: `${content.body}\n`,
        signature,
        publicKey: TEST_ALIPAY_PUBLIC_KEY,
      }),
    );
    const whitespace = await run(["verify", "--explain", "--input", input, "--json"]);
    expect(whitespace.code).toBe(1);
    const diagnosis = JSON.parse(whitespace.stdout) as {
      valid: boolean;
      causes: { cause: string }[];
    };
    expect(diagnosis.valid).toBe(false);
    expect(diagnosis.causes.map((c) => c.cause)).toContain("BODY_WHITESPACE");

    const ownKey = await run([
      "verify",
      "--explain",
      "--input",
      input,
      "--body",
      content.body,
      "--public-key",
      keyFile,
      "--merchant-public-key",
      keyFile,
    ]);
    expect(ownKey.code).toBe(1);
    expect(ownKey.stdout).toMatch(
      /^invalid: the signature does not verify\n {2}PUBLIC_KEY_IS_MERCHANT_KEY: /,
    );
  });

  it("exits 2 when a field is missing", async () => {
    const result = await run(["verify", "--client-id", "C"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ams-edge verify: missing --body or --body-file/);
  });
});

describe("ams-edge notify", () => {
  it("sends a signed notification the receiver verifies and acks (exit 0)", async () => {
    const receiver = await startReceiver();
    const keyFile = join(dir, "alipay-private.txt");
    await writeFile(keyFile, TEST_ALIPAY_PRIVATE_KEY);
    const result = await run([
      "notify",
      receiver.url,
      "--key",
      keyFile,
      "--amount",
      "5.99",
      "--payment-request-id",
      "cli-1",
      "--json",
    ]);
    await receiver.close();
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ acknowledged: true, httpStatus: 200 });
    expect(receiver.received[0]?.verified).toMatchObject({
      clientId: "SANDBOX_LOCAL",
      notification: {
        notifyType: "PAYMENT_RESULT",
        result: { resultCode: "SUCCESS", resultStatus: "S" },
        paymentRequestId: "cli-1",
        paymentAmount: { currency: "USD", value: "599" },
      },
    });
  });

  it("exits 1 when the receiver does not acknowledge, 2 without --key", async () => {
    const receiver = await startReceiver();
    receiver.answer = "nack";
    const result = await run([
      "notify",
      receiver.url,
      "--key",
      TEST_ALIPAY_PRIVATE_KEY,
      "--status",
      "F",
    ]);
    await receiver.close();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOT acknowledged\n$/);
    expect(receiver.received[0]?.verified).toMatchObject({
      notification: { result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F" } },
    });
    const usage = await run(["notify", receiver.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^ams-edge notify: --key is required/);
  });
});

describe("ams-edge sandbox", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
  });

  it("serves a sandbox a client can pay through, prints its keys, and exits 0 on SIGTERM", async () => {
    child = spawn(
      process.execPath,
      [BIN, "sandbox", "--port", "0", "--json", "--time-scale", "0.001", "--seed", "3"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const proc = child;
    const line = await new Promise<string>((resolve, reject) => {
      let buffered = "";
      proc.stdout?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const end = buffered.indexOf("\n");
        if (end >= 0) resolve(buffered.slice(0, end));
      });
      proc.once("exit", (code) => reject(new Error(`sandbox exited early with ${code}`)));
    });
    const info = JSON.parse(line) as {
      url: string;
      clientId: string;
      merchantPrivateKey: string;
      alipayPublicKey: string;
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.clientId).toBe("SANDBOX_LOCAL");
    const client = createAmsClient({
      clientId: info.clientId,
      privateKey: info.merchantPrivateKey,
      alipayPublicKey: info.alipayPublicKey,
      gateway: info.url,
      retry: false,
    });
    const inquiry = await client.inquiryPayment({ paymentRequestId: "nothing" });
    expect([inquiry.status, inquiry.resultCode]).toStrictEqual(["F", "ORDER_NOT_EXIST"]);
    const described = (await (await fetch(`${info.url}/sandbox`)).json()) as {
      timeScale: number;
      seed: number;
    };
    expect([described.timeScale, described.seed]).toStrictEqual([0.001, 3]);
    const exit = new Promise<number | null>((resolve) =>
      proc.once("exit", (code) => resolve(code)),
    );
    proc.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("exits 2 on a bad --time-scale", async () => {
    const result = await run(["sandbox", "--time-scale", "fast"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ams-edge sandbox: --time-scale: "fast" is not a valid value/);
  });

  it("uses given keys: the merchant's public key and the sandbox's private key", async () => {
    const merchantKey = join(dir, "merchant.pub");
    await writeFile(merchantKey, TEST_MERCHANT_PUBLIC_KEY);
    child = spawn(
      process.execPath,
      [
        BIN,
        "sandbox",
        "--port",
        "0",
        "--json",
        "--merchant-public-key",
        merchantKey,
        "--alipay-private-key",
        TEST_ALIPAY_PRIVATE_KEY,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const proc = child;
    const line = await new Promise<string>((resolve) => {
      let buffered = "";
      proc.stdout?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        if (buffered.includes("\n")) resolve(buffered.slice(0, buffered.indexOf("\n")));
      });
    });
    const info = JSON.parse(line) as {
      url: string;
      merchantPrivateKey: string | null;
      alipayPublicKey: string;
    };
    expect(info.merchantPrivateKey).toBeNull();
    expect(info.alipayPublicKey).toBe(TEST_ALIPAY_PUBLIC_KEY);
    const client = createAmsClient({
      clientId: "SANDBOX_LOCAL",
      privateKey: TEST_MERCHANT_PRIVATE_KEY,
      alipayPublicKey: TEST_ALIPAY_PUBLIC_KEY,
      gateway: info.url,
      retry: false,
    });
    const inquiry = await client.inquiryPayment({ paymentRequestId: "nothing" });
    expect(inquiry.resultCode).toBe("ORDER_NOT_EXIST");
    const exit = new Promise<number | null>((resolve) =>
      proc.once("exit", (code) => resolve(code)),
    );
    proc.kill("SIGINT");
    expect(await exit).toBe(0);
  });
});
