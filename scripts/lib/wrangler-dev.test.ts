import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repositoryRoot } from "./local-stack.ts";
import { isAddressInUse, startWranglerDevOnFreePorts, type WranglerDev } from "./wrangler-dev.ts";

describe("startWranglerDevOnFreePorts", () => {
  const dir = mkdtempSync(join(tmpdir(), "ams-edge-ports-"));
  let squatter: Server | undefined;
  let worker: WranglerDev | undefined;
  afterAll(async () => {
    await worker?.stop();
    squatter?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("starts again on other ports when its port is taken before wrangler binds it", async () => {
    const asked: number[] = [];
    worker = await startWranglerDevOnFreePorts((port) => {
      asked.push(port);
      if (asked.length === 1) {
        // Free when it was picked, taken by the time wrangler starts: the race this guards.
        squatter = createServer().listen(port, "127.0.0.1");
      }
      return { root: repositoryRoot, persistTo: join(dir, "state") };
    });
    expect(asked).toHaveLength(2);
    expect(worker.url).toBe(`http://127.0.0.1:${asked[1]}`);
    expect(asked[1]).not.toBe(asked[0]);
    expect((await fetch(`${worker.url}/api/health`)).status).toBe(200);
  }, 60_000);

  test("tells a taken port from other failures", () => {
    expect(
      isAddressInUse(
        new Error(
          "wrangler dev exited before it was ready:\nAddress already in use (127.0.0.1:41787)",
        ),
      ),
    ).toBe(true);
    expect(isAddressInUse(new Error("wrangler dev did not answer in time"))).toBe(false);
    expect(isAddressInUse("Address already in use")).toBe(false);
  });
});
