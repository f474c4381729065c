/**
 * The options of `npm start`: the origins the Worker allows (CORS) besides the storefront's dev
 * server, and whether to start from empty state.
 */
import { parseArgs } from "node:util";

/** Origins `npm start` always allows: the storefront's Vite dev server (`npm run dev`). */
export const DEFAULT_ORIGINS: readonly string[] = [
  "http://127.0.0.1:5173",
  "http://localhost:5173",
];

/** Usage of `npm start`. */
export const START_USAGE = `Usage: npm start -- [--origin <url>]... [--fresh]

  --origin <url>  also allow this origin to call the Worker from a browser (CORS), e.g. the dev
                  server of your own app: --origin http://localhost:3000 (repeatable; also
                  AMS_EDGE_ORIGINS, comma-separated)
  --fresh         start with no payments: clear the Worker's local state and the sandbox's
                  ledger (.wrangler/state); the keys in .dev.vars are kept
  -h, --help      show this help
`;

/** What `npm start` was asked for. */
export interface StartOptions {
  /** Every origin the Worker allows, the defaults first, each once. */
  origins: string[];
  fresh: boolean;
  help: boolean;
}

/** An origin as a browser sends it (`http://localhost:3000`), or an error naming the input. */
export function parseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`"${text}" is not an origin; expected e.g. http://localhost:3000`);
  }
  const bare = url.pathname === "/" && url.search === "" && url.hash === "" && !url.username;
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !bare) {
    throw new TypeError(
      `"${text}" is not an origin; expected a scheme, host and port only, e.g. ${url.protocol === "https:" ? "https" : "http"}://${url.host || "localhost:3000"}`,
    );
  }
  return url.origin;
}

/**
 * Reads `npm start`'s arguments and `AMS_EDGE_ORIGINS` (comma- or space-separated); throws a
 * `TypeError` that says what is wrong.
 */
export function parseStartOptions(args: string[], envOrigins: string | undefined): StartOptions {
  const { values } = parseArgs({
    args,
    options: {
      origin: { type: "string", multiple: true, default: [] },
      fresh: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  const given = [...(envOrigins ?? "").split(/[\s,]+/), ...values.origin].filter((o) => o !== "");
  const origins = [...new Set([...DEFAULT_ORIGINS, ...given.map(parseOrigin)])];
  return { origins, fresh: values.fresh, help: values.help };
}
