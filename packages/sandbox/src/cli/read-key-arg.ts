import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "./cli-io.ts";

const INLINE_KEY =
  /^(?:-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*|[A-Za-z0-9+/=\s]{100,})$/;

/**
 * A key given on the command line: the key itself (PEM, or bare base64 of 100+ characters) or
 * the path of a file holding it.
 */
export async function readKeyArg(flag: string, value: string, cwd: string): Promise<string> {
  const trimmed = value.trim();
  if (INLINE_KEY.test(trimmed)) return trimmed;
  try {
    return (await readFile(resolve(cwd, trimmed), "utf8")).trim();
  } catch {
    throw new UsageError(
      `${flag}: expected a key (PEM or bare base64) or the path of a file holding one; "${value}" is neither`,
    );
  }
}
