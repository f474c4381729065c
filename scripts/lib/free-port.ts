/** Finding free TCP ports on 127.0.0.1. */
import { createServer } from "node:net";

/** A port that is free on 127.0.0.1 right now: `preferred` when it is, else one the OS picks. */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.unref();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const chosen = typeof address === "object" && address !== null ? address.port : null;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred !== 0) {
    const port = await tryListen(preferred);
    if (port !== null) return port;
  }
  const port = await tryListen(0);
  if (port === null) throw new Error("no free TCP port on 127.0.0.1");
  return port;
}
