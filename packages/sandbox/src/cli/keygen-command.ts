import { constants } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateKeyPair } from "../keys/generate-key-pair.ts";
import { type CliIo, EXIT, UsageError } from "./cli-io.ts";

/** Usage of `ams-edge keygen`. */
export const KEYGEN_USAGE = `Usage: ams-edge keygen [--out <dir>] [--force] [--json]

Generates an RSA-2048 key pair for AMS signatures (RSA256) and prints the public key in the
portal's form (bare base64 SPKI), ready to paste.

Options:
  --out <dir>   also write the keys to <dir>: private-key.pem, private-key.base64.txt
                (PKCS#8, the portal's form), public-key.pem, public-key.base64.txt
  --force       overwrite existing key files in <dir>
  --json        print one JSON object instead of text
  -h, --help    show this help
`;

const FILES = {
  privateKeyPem: "private-key.pem",
  privateKeyBase64: "private-key.base64.txt",
  publicKeyPem: "public-key.pem",
  publicKeyBase64: "public-key.base64.txt",
} as const;

/** `ams-edge keygen`: a fresh key pair, printed and optionally written to files. */
export async function keygenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(KEYGEN_USAGE);
    return EXIT.ok;
  }
  if (values.out === "") throw new UsageError("--out needs a directory");
  const keys = await generateKeyPair();
  const written: Record<string, string> = {};
  if (values.out !== undefined) {
    const dir = resolve(io.cwd, values.out);
    await mkdir(dir, { recursive: true });
    // Refuse to clobber a key that may already be registered somewhere, unless told to.
    const flag = values.force ? "w" : constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY;
    for (const [field, name] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
      const path = join(dir, name);
      const secret = field.startsWith("private");
      try {
        await writeFile(path, keys[field].endsWith("\n") ? keys[field] : `${keys[field]}\n`, {
          flag,
          mode: secret ? 0o600 : 0o644,
        });
      } catch (error) {
        if ((error as { code?: string }).code === "EEXIST") {
          io.err(`ams-edge keygen: ${path} already exists; pass --force to overwrite it\n`);
          return EXIT.failure;
        }
        throw error;
      }
      written[field] = path;
    }
  }
  if (values.json) {
    io.out(
      `${JSON.stringify({ ...keys, ...(values.out === undefined ? {} : { files: written }) })}\n`,
    );
    return EXIT.ok;
  }
  io.out(`Public key (paste into the portal):\n${keys.publicKeyBase64}\n\n`);
  if (values.out === undefined) {
    io.out(
      `Private key (PKCS#8, bare base64; keep it secret):\n${keys.privateKeyBase64}\n\n${keys.privateKeyPem}`,
    );
  } else {
    io.out(
      `Wrote:\n${Object.values(written)
        .map((path) => `  ${path}\n`)
        .join("")}`,
    );
  }
  return EXIT.ok;
}
