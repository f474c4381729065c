import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { diagnoseSignature, isAmsEdgeError, verifySignature } from "@ams-edge/core";
import { type CliIo, EXIT, UsageError } from "./cli-io.ts";
import { readKeyArg } from "./read-key-arg.ts";

/** Usage of `ams-edge verify`. */
export const VERIFY_USAGE = `Usage: ams-edge verify [--explain] [--input <file.json>] [fields...]

Checks an AMS signature over "<METHOD> <path>\\n<client-id>.<request-time>.<body>". With
--explain, says why a signature does not verify (body re-serialized, time reformatted, path with
host, signature encoded twice, your own key in place of the provider's, ...).

Fields (as flags, or as the same keys in --input's JSON: method, path, clientId, requestTime,
body, bodyFile, signature, publicKey, merchantPublicKey):
  --method <m>                  HTTP method (default POST)
  --path <path>                 path and query signed, e.g. /alipay/notify
  --client-id <id>              client-id header
  --request-time <t>            request-time (or response-time) header, verbatim
  --body <text> | --body-file <file>   the exact body (a file is read byte for byte)
  --signature <s>               the Signature header, or its signature value
  --public-key <key>            the signer's public key, or a file holding it
  --merchant-public-key <key>   your own public key, to detect it used in place of the provider's

Other options:
  --explain       diagnose a failure
  --json          print the result as JSON
  -h, --help      show this help

Exit codes: 0 the signature verifies, 1 it does not, 2 usage error.
`;

interface Inputs {
  method?: string;
  path?: string;
  clientId?: string;
  requestTime?: string;
  body?: string;
  bodyFile?: string;
  signature?: string;
  publicKey?: string;
  merchantPublicKey?: string;
}

async function readInputFile(path: string, cwd: string): Promise<Inputs> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(cwd, path), "utf8"));
  } catch (error) {
    throw new UsageError(`--input: cannot read ${path} as JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError("--input: expected a JSON object");
  }
  const inputs: Inputs = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") throw new UsageError(`--input: "${key}" must be a string`);
    if (
      ![
        "method",
        "path",
        "clientId",
        "requestTime",
        "body",
        "bodyFile",
        "signature",
        "publicKey",
        "merchantPublicKey",
      ].includes(key)
    ) {
      throw new UsageError(`--input: unknown field "${key}"`);
    }
    inputs[key as keyof Inputs] = value;
  }
  return inputs;
}

function required(inputs: Inputs, key: keyof Inputs, flag: string): string {
  const value = inputs[key];
  if (value === undefined || value === "")
    throw new UsageError(`missing ${flag} (or "${key}" in --input)`);
  return value;
}

/** `ams-edge verify`: verifies (and with `--explain`, diagnoses) a signature from raw inputs. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: "string" },
      method: { type: "string" },
      path: { type: "string" },
      "client-id": { type: "string" },
      "request-time": { type: "string" },
      body: { type: "string" },
      "body-file": { type: "string" },
      signature: { type: "string" },
      "public-key": { type: "string" },
      "merchant-public-key": { type: "string" },
      explain: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(VERIFY_USAGE);
    return EXIT.ok;
  }
  const fromFile = values.input === undefined ? {} : await readInputFile(values.input, io.cwd);
  const flags: { [K in keyof Inputs]: string | undefined } = {
    method: values.method,
    path: values.path,
    clientId: values["client-id"],
    requestTime: values["request-time"],
    body: values.body,
    bodyFile: values["body-file"],
    signature: values.signature,
    publicKey: values["public-key"],
    merchantPublicKey: values["merchant-public-key"],
  };
  const inputs: Inputs = { ...fromFile };
  for (const [key, value] of Object.entries(flags))
    if (value !== undefined) inputs[key as keyof Inputs] = value;
  if (flags.body !== undefined) delete inputs.bodyFile;
  if (flags.bodyFile !== undefined) delete inputs.body;
  if (inputs.body !== undefined && inputs.bodyFile !== undefined)
    throw new UsageError("give --body or --body-file, not both");
  let body: string | Uint8Array;
  if (inputs.bodyFile !== undefined) {
    try {
      body = new Uint8Array(await readFile(resolve(io.cwd, inputs.bodyFile)));
    } catch {
      throw new UsageError(`--body-file: cannot read ${inputs.bodyFile}`);
    }
  } else if (inputs.body !== undefined) {
    body = inputs.body;
  } else {
    throw new UsageError('missing --body or --body-file (or "body" / "bodyFile" in --input)');
  }
  const content = {
    method: inputs.method ?? "POST",
    path: required(inputs, "path", "--path"),
    clientId: required(inputs, "clientId", "--client-id"),
    requestTime: required(inputs, "requestTime", "--request-time"),
    body,
  };
  const signature = required(inputs, "signature", "--signature");
  const publicKey = await readKeyArg(
    "--public-key",
    required(inputs, "publicKey", "--public-key"),
    io.cwd,
  );
  const merchantPublicKey =
    inputs.merchantPublicKey === undefined
      ? undefined
      : await readKeyArg("--merchant-public-key", inputs.merchantPublicKey, io.cwd);
  try {
    if (!values.explain) {
      const valid = await verifySignature(content, signature, publicKey);
      io.out(
        values.json
          ? `${JSON.stringify({ valid })}\n`
          : valid
            ? "valid: the signature verifies\n"
            : "invalid: the signature does not verify (run with --explain to find out why)\n",
      );
      return valid ? EXIT.ok : EXIT.failure;
    }
    const diagnosis = await diagnoseSignature({
      ...content,
      signature,
      publicKey,
      merchantPublicKey,
    });
    if (values.json) {
      io.out(`${JSON.stringify(diagnosis)}\n`);
    } else if (diagnosis.valid) {
      io.out("valid: the signature verifies\n");
    } else {
      io.out("invalid: the signature does not verify\n");
      for (const cause of diagnosis.causes) io.out(`  ${cause.cause}: ${cause.message}\n`);
    }
    return diagnosis.valid ? EXIT.ok : EXIT.failure;
  } catch (error) {
    if (!isAmsEdgeError(error)) throw error;
    io.err(`ams-edge verify: ${error.message}\n`);
    return EXIT.failure;
  }
}
