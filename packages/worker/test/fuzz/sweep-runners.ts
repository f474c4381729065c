import type fc from "fast-check";
import type { ClientAddresses } from "./client-addresses.ts";
import type { EntrySpec } from "./entry-cases.ts";
import { exchange, expectAnswer, type Surface, sweep } from "./fuzz-harness.ts";
import { type Expected, type HttpSpec, refusal, toRequest } from "./http-spec.ts";
import { type NotifySpec, notifyRequest } from "./notify-spec.ts";
import type { StorageGuard } from "./storage-guard.ts";
import { FUZZ_STORE } from "./test-stores.ts";

function describe(spec: HttpSpec | NotifySpec): string {
  const body = spec.body === null ? "" : ` ${spec.body.text.slice(0, 160)}`;
  return "path" in spec
    ? `${spec.label}: ${spec.method} ${spec.path}${body}`
    : `${spec.label}: ${spec.method} /alipay/notify${body}`;
}

/** Sends `runs` notification deliveries; each must get its answer and change nothing else. */
export async function notifySweep(
  guard: StorageGuard,
  arbitrary: fc.Arbitrary<NotifySpec>,
  runs: number,
): Promise<void> {
  await sweep(arbitrary, runs, async (spec) => {
    expectAnswer(await exchange("notify", await notifyRequest(spec)), spec.expected);
    await guard.afterInput(describe(spec), spec.touches, spec.logged, spec.kept);
  });
  await guard.afterBatch();
}

/** Sends `runs` requests to one surface; each must get its refusal and change nothing. */
export async function httpSweep(
  surface: Surface,
  guard: StorageGuard,
  arbitrary: fc.Arbitrary<HttpSpec>,
  runs: number,
): Promise<void> {
  await sweep(arbitrary, runs, async (spec) => {
    expectAnswer(await exchange(surface, toRequest(spec)), spec.expected);
    await guard.afterInput(describe(spec), spec.touches);
  });
  await guard.afterBatch();
}

// Spends a bucket: refused by the body checks, it still takes a token.
const SPENDER: HttpSpec = {
  label: "entry: spend a token",
  method: "POST",
  path: `/api/entry/${FUZZ_STORE.id}/payments`,
  headers: [["content-type", "application/json"]],
  body: { text: '{"amount":{"currency":"XXX","value":"1"}}' },
  expected: refusal("CURRENCY_NOT_ACCEPTED"),
  touches: [],
};

async function sendFrom(
  addresses: ClientAddresses,
  guard: StorageGuard,
  spec: HttpSpec,
  address: string,
): Promise<void> {
  const verdict = addresses.verdict(address);
  const codes = spec.expected.kind === "refusal" ? spec.expected.codes : [];
  const expected: Expected =
    verdict === "allowed"
      ? spec.expected
      : verdict === "limited"
        ? refusal("RATE_LIMITED")
        : { kind: "refusal", codes: [...codes, "RATE_LIMITED"] };
  const request = toRequest({ ...spec, headers: [...spec.headers, ["cf-connecting-ip", address]] });
  const answer = await exchange("entry", request);
  expectAnswer(answer, expected);
  addresses.record(address, answer.status !== 429);
  await guard.afterInput(describe(spec), spec.touches);
}

/** Sends `runs` Entry Code requests, tracking each client address's bucket. */
export async function entrySweep(
  guard: StorageGuard,
  addresses: ClientAddresses,
  arbitrary: fc.Arbitrary<EntrySpec>,
  runs: number,
): Promise<void> {
  await sweep(arbitrary, runs, async (spec) => {
    if (spec.clientIp === null) {
      expectAnswer(await exchange("entry", toRequest(spec)), spec.expected);
      await guard.afterInput(describe(spec), spec.touches);
      return;
    }
    const { address, spendFirst } = addresses.resolve(spec.clientIp);
    for (let i = 0; i < spendFirst; i += 1) await sendFrom(addresses, guard, SPENDER, address);
    await sendFrom(addresses, guard, spec, address);
  });
  await guard.afterBatch();
}
