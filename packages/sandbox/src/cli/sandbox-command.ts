import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { derivePublicKey } from "../keys/derive-public-key.ts";
import { generateKeyPair } from "../keys/generate-key-pair.ts";
import { startSandboxServer } from "../node.ts";
import { type CliIo, EXIT, UsageError } from "./cli-io.ts";
import { readKeyArg } from "./read-key-arg.ts";
import { loadOrCreateSandboxKeys } from "./sandbox-keys-file.ts";

/** Usage of `ams-edge sandbox`. */
export const SANDBOX_USAGE = `Usage: ams-edge sandbox [options]

Starts a local AMS gateway on 127.0.0.1 with a wallet page, notifications and faults, and
prints its URL, the client id and the keys to configure your client with. Stops on Ctrl-C.

Options:
  --port <n>                    port to listen on (default 8788; 0 picks a free one)
  --host <ip>                   interface (default 127.0.0.1)
  --keys <file>                 keep the client id and both key pairs in this JSON file
                                (made on first use, mode 0600; the same keys on every start)
  --ledger <file>               keep payments and refunds in this JSON file across restarts
  --client-id <id>              the merchant's client id (default SANDBOX_LOCAL)
  --merchant-public-key <key>   the merchant's public key, or a file holding it
                                (default: a fresh pair is made and its private key printed)
  --alipay-private-key <key>    the sandbox's signing key (PKCS#8), or a file holding it
                                (default: a fresh pair)
  --time-scale <x>              multiplies the notification resend schedule (default 1)
  --seed <n>                    seed of the fault probabilities (default 1)
  --base-url <url>              public URL for wallet links (default: as each call reached it)
  --json                        print one JSON line instead of text
  -h, --help                    show this help
`;

function number(
  flag: string,
  text: string | undefined,
  check: (n: number) => boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`${flag}: "${text}" is not a valid value`);
  }
  return value;
}

/** `ams-edge sandbox`: serves a sandbox until the process is asked to stop. */
export async function sandboxCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      keys: { type: "string" },
      ledger: { type: "string" },
      "client-id": { type: "string" },
      "merchant-public-key": { type: "string" },
      "alipay-private-key": { type: "string" },
      "time-scale": { type: "string" },
      seed: { type: "string" },
      "base-url": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(SANDBOX_USAGE);
    return EXIT.ok;
  }
  const port =
    number("--port", values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 8788;
  const timeScale = number("--time-scale", values["time-scale"], (n) => n > 0) ?? 1;
  const seed =
    values.seed === undefined ? 1 : (number("--seed", values.seed, Number.isInteger) ?? 1);
  if (values["client-id"] === "") throw new UsageError("--client-id must not be empty");
  const keys = await resolveKeys(values, io.cwd);
  const { clientId, merchantPublicKey, alipayPrivateKey, alipayPublicKey } = keys;
  const ledgerFile = values.ledger === undefined ? undefined : resolve(io.cwd, values.ledger);

  const server = await startSandboxServer({
    port,
    host: values.host,
    merchants: [{ clientId, publicKey: merchantPublicKey }],
    alipayPrivateKey,
    timeScale,
    seed,
    ...(values["base-url"] === undefined ? {} : { baseUrl: values["base-url"] }),
    ...(ledgerFile === undefined ? {} : { ledgerFile }),
  });
  const info = {
    url: server.url,
    clientId,
    merchantPrivateKey: keys.merchantPrivateKey,
    merchantPublicKey,
    alipayPublicKey,
    keysFile: keys.file,
    ledgerFile: ledgerFile ?? null,
    timeScale,
    seed,
  };
  io.out(values.json ? `${JSON.stringify(info)}\n` : formatSandboxInfo(info, keys.created));
  await io.stopped;
  await server.close();
  return EXIT.ok;
}

/** The keys the sandbox runs with, and where they came from. */
interface SandboxKeys {
  clientId: string;
  /** Null when the merchant's public key was given: its private key is the merchant's own. */
  merchantPrivateKey: string | null;
  merchantPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
  /** The `--keys` file (absolute), or null. */
  file: string | null;
  /** True when the `--keys` file was made by this start. */
  created: boolean;
}

async function resolveKeys(
  values: {
    keys?: string | undefined;
    "client-id"?: string | undefined;
    "merchant-public-key"?: string | undefined;
    "alipay-private-key"?: string | undefined;
  },
  cwd: string,
): Promise<SandboxKeys> {
  if (values.keys !== undefined) {
    for (const flag of ["merchant-public-key", "alipay-private-key"] as const) {
      if (values[flag] !== undefined) {
        throw new UsageError(
          `--${flag} and --keys: the keys file holds both pairs; give one or the other`,
        );
      }
    }
    const file = resolve(cwd, values.keys);
    const { keys, created } = await loadOrCreateSandboxKeys(file, values["client-id"]);
    return { ...keys, file, created };
  }
  const clientId = values["client-id"] ?? "SANDBOX_LOCAL";
  let merchantPrivateKey: string | null = null;
  let merchantPublicKey: string;
  if (values["merchant-public-key"] === undefined) {
    const pair = await generateKeyPair();
    merchantPrivateKey = pair.privateKeyBase64;
    merchantPublicKey = pair.publicKeyBase64;
  } else {
    merchantPublicKey = await readKeyArg(
      "--merchant-public-key",
      values["merchant-public-key"],
      cwd,
    );
  }
  if (values["alipay-private-key"] === undefined) {
    const pair = await generateKeyPair();
    return {
      clientId,
      merchantPrivateKey,
      merchantPublicKey,
      alipayPrivateKey: pair.privateKeyBase64,
      alipayPublicKey: pair.publicKeyBase64,
      file: null,
      created: false,
    };
  }
  const alipayPrivateKey = await readKeyArg(
    "--alipay-private-key",
    values["alipay-private-key"],
    cwd,
  );
  try {
    const alipayPublicKey = await derivePublicKey(alipayPrivateKey);
    return {
      clientId,
      merchantPrivateKey,
      merchantPublicKey,
      alipayPrivateKey,
      alipayPublicKey,
      file: null,
      created: false,
    };
  } catch (error) {
    throw new UsageError(`--alipay-private-key: ${(error as Error).message}`);
  }
}

/** The text output: everything a client and `ams-edge verify --explain` need. */
function formatSandboxInfo(
  info: {
    url: string;
    clientId: string;
    merchantPrivateKey: string | null;
    merchantPublicKey: string;
    alipayPublicKey: string;
    keysFile: string | null;
    ledgerFile: string | null;
    timeScale: number;
    seed: number;
  },
  created: boolean,
): string {
  const row = (label: string, value: string) => `  ${label.padEnd(22)}${value}`;
  const privateKey =
    info.keysFile !== null
      ? `in ${info.keysFile} ("merchantPrivateKey", PKCS#8 base64)`
      : (info.merchantPrivateKey ?? "your own (the pair of the public key given)");
  return [
    `AMS sandbox listening on ${info.url}`,
    "",
    row("gateway", info.url),
    row("client id", info.clientId),
    row("merchant private key", privateKey),
    row("merchant public key", info.merchantPublicKey),
    row("alipay public key", `${info.alipayPublicKey}`),
    row("", "(the provider's public key: verifies answers and notifications)"),
    ...(info.keysFile === null
      ? [row("keys", "new on every start; --keys <file> keeps them")]
      : [
          row(
            "keys file",
            `${info.keysFile} (${created ? "made now" : "kept from an earlier start"})`,
          ),
        ]),
    ...(info.ledgerFile === null ? [] : [row("ledger file", info.ledgerFile)]),
    "",
    row("payments", `${info.url}/sandbox/payments`),
    row("notifications", `${info.url}/sandbox/notifications`),
    row("faults", `${info.url}/sandbox/faults`),
    "",
    "Check a notification's signature with the keys above:",
    `  npx ams-edge verify --explain --client-id ${info.clientId} --public-key <alipay public key> \\`,
    "    --merchant-public-key <merchant public key> --path <your notify path> \\",
    "    --request-time <request-time header> --signature <signature header> --body-file <raw body>",
    "",
    `Time scale ${info.timeScale}, seed ${info.seed}. Ctrl-C stops.`,
    "",
  ].join("\n");
}
