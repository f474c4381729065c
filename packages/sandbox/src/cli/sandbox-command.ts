import { parseArgs } from "node:util";
import { derivePublicKey } from "../keys/derive-public-key.ts";
import { generateKeyPair } from "../keys/generate-key-pair.ts";
import { startSandboxServer } from "../node.ts";
import { type CliIo, EXIT, UsageError } from "./cli-io.ts";
import { readKeyArg } from "./read-key-arg.ts";

/** Usage of `ams-edge sandbox`. */
export const SANDBOX_USAGE = `Usage: ams-edge sandbox [options]

Starts a local AMS gateway on 127.0.0.1 with a wallet page, notifications and faults, and
prints its URL, the client id and the keys to configure your client with. Stops on Ctrl-C.

Options:
  --port <n>                    port to listen on (default 8788; 0 picks a free one)
  --host <ip>                   interface (default 127.0.0.1)
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
      "client-id": { type: "string", default: "SANDBOX_LOCAL" },
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
  const clientId = values["client-id"];
  if (clientId === "") throw new UsageError("--client-id must not be empty");

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
      io.cwd,
    );
  }
  let alipayPrivateKey: string;
  let alipayPublicKey: string;
  if (values["alipay-private-key"] === undefined) {
    const pair = await generateKeyPair();
    alipayPrivateKey = pair.privateKeyBase64;
    alipayPublicKey = pair.publicKeyBase64;
  } else {
    alipayPrivateKey = await readKeyArg(
      "--alipay-private-key",
      values["alipay-private-key"],
      io.cwd,
    );
    try {
      alipayPublicKey = await derivePublicKey(alipayPrivateKey);
    } catch (error) {
      throw new UsageError(`--alipay-private-key: ${(error as Error).message}`);
    }
  }

  const server = await startSandboxServer({
    port,
    host: values.host,
    merchants: [{ clientId, publicKey: merchantPublicKey }],
    alipayPrivateKey,
    timeScale,
    seed,
    ...(values["base-url"] === undefined ? {} : { baseUrl: values["base-url"] }),
  });
  const info = {
    url: server.url,
    clientId,
    merchantPrivateKey,
    merchantPublicKey,
    alipayPublicKey,
    timeScale,
    seed,
  };
  if (values.json) {
    io.out(`${JSON.stringify(info)}\n`);
  } else {
    io.out(
      [
        `AMS sandbox listening on ${server.url}`,
        "",
        `  gateway             ${server.url}`,
        `  client id           ${clientId}`,
        `  alipay public key   ${alipayPublicKey}`,
        merchantPrivateKey === null
          ? "  merchant key        (your own, as given)"
          : `  merchant private key ${merchantPrivateKey}`,
        "",
        `  payments            ${server.url}/sandbox/payments`,
        `  notifications       ${server.url}/sandbox/notifications`,
        `  faults              ${server.url}/sandbox/faults`,
        `  time scale ${timeScale}, seed ${seed}. Ctrl-C stops.`,
        "",
      ].join("\n"),
    );
  }
  await io.stopped;
  await server.close();
  return EXIT.ok;
}
