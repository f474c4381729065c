/** Where a command writes, and what it may read: injected so that tests can capture output. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Resolves relative paths. */
  readonly cwd: string;
  /** Resolves when the process is asked to stop (SIGINT or SIGTERM); long-running commands wait on it. */
  readonly stopped: Promise<void>;
}

/** Exit codes of the `ams-edge` CLI. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A command was called wrongly: the CLI prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
