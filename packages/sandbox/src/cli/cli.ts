import { type CliIo, EXIT, UsageError } from "./cli-io.ts";
import { KEYGEN_USAGE, keygenCommand } from "./keygen-command.ts";
import { NOTIFY_USAGE, notifyCommand } from "./notify-command.ts";
import { SANDBOX_USAGE, sandboxCommand } from "./sandbox-command.ts";
import { VERIFY_USAGE, verifyCommand } from "./verify-command.ts";

/** Usage of `ams-edge` itself. */
export const MAIN_USAGE = `Usage: ams-edge <command> [options]

Commands:
  keygen     generate an RSA-2048 key pair for AMS (portal base64 and PEM)
  sandbox    run a local AMS gateway with a wallet page, notifications and faults
  verify     check a signature from raw inputs; --explain says why it fails
  notify     send a signed test PAYMENT_RESULT notification to a URL

Run "ams-edge <command> --help" for a command's options.
Exit codes: 0 ok, 1 failure, 2 usage error.
`;

const COMMANDS: Record<
  string,
  { run: (args: string[], io: CliIo) => Promise<number>; usage: string }
> = {
  keygen: { run: keygenCommand, usage: KEYGEN_USAGE },
  sandbox: { run: sandboxCommand, usage: SANDBOX_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  notify: { run: notifyCommand, usage: NOTIFY_USAGE },
};

/** The default {@link CliIo}: the process's streams, stopped by SIGINT or SIGTERM. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    stopped: new Promise((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    }),
  };
}

/**
 * Runs `ams-edge` with `args` (without the node and script paths) and resolves to the exit code.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(MAIN_USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`ams-edge: unknown command "${name}"\n\n${MAIN_USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code.
    const parseError = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof parseError === "string" && parseError.startsWith("ERR_PARSE_ARGS"))
    ) {
      io.err(`ams-edge ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    io.err(`ams-edge ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}
