// The parts of Node's IncomingMessage / ServerResponse (and Express's req / res, which extend
// them) that the adapters use: typed structurally, so core needs neither @types/node nor express.

/** What the adapters read from a `node:http` `IncomingMessage` or an Express `req`. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  /** The path and query, as Node gives it. */
  url?: string | undefined;
  /** Express: the URL before the router stripped the mount path. */
  originalUrl?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** What a body parser left: raw bytes from `express.raw()`, or an object from `express.json()`. */
  body?: unknown;
  /** The bytes kept by `keepRawBody` when `express.json()` ran first. */
  rawBody?: unknown;
  /** Set by Express's body parsers once they consumed the stream. */
  _body?: unknown;
}

/** What the adapters write to a `node:http` `ServerResponse` or an Express `res`. */
export interface NodeResponseLike {
  readonly headersSent?: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}
