/**
 * RSA256 sign and verify through `@ams-edge/core` against raw node:crypto with a KeyObject and raw
 * WebCrypto with a cached CryptoKey, side by side in one run, plus core's verify with the key
 * given as a string (parsed once, then cached) against the key given as a CryptoKey.
 *
 * Each ratio compares two operations measured as a pair in A B B A order, within moments of each
 * other, so that a machine that speeds up or slows down, and whatever ran just before, weigh on
 * both sides alike. Costs are CPU time (all threads of this process), so time spent waiting for
 * a core on a shared machine is nobody's cost. The table shows medians over the rounds.
 *
 * Targets: core sign ≥ 0.9× node:crypto, core verify ≥ 0.8× node:crypto, string-key verify cost
 * ≤ 1.1× CryptoKey verify.
 *
 * `npm run bench -- signature` (`-- --short signature` for the few-sample run).
 */
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import type { BenchOptions, Measured } from "./lib/targets.ts";

const FULL = { rounds: 11, signOps: 150, verifyOps: 1500 };
const SHORT = { rounds: 7, signOps: 50, verifyOps: 500 };

interface Operation {
  name: string;
  ops: number;
  run: () => Promise<unknown> | unknown;
}

/** CPU microseconds per call of `op` over `n` sequential calls. */
async function costPerCall(op: Operation, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await op.run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

/** The costs of `a` and `b`, each over `a.ops` calls, measured in A B B A order. */
async function costPair(a: Operation, b: Operation): Promise<[number, number]> {
  const half = Math.ceil(a.ops / 2);
  const a1 = await costPerCall(a, half);
  const b1 = await costPerCall(b, half);
  const b2 = await costPerCall(b, half);
  const a2 = await costPerCall(a, half);
  return [(a1 + a2) / 2, (b1 + b2) / 2];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the benchmark, prints its table, and returns its figures with their targets. */
export default async function run({ short }: BenchOptions): Promise<Measured[]> {
  const { rounds: ROUNDS, signOps: SIGN_OPS, verifyOps: VERIFY_OPS } = short ? SHORT : FULL;
  const core = await import("@ams-edge/core");
  const { OFFICIAL_PYTHON_SDK_VECTORS } = await import(
    "../packages/core/src/fixtures/official-python-sdk.ts"
  );
  const { merchant } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
  const vector = OFFICIAL_PYTHON_SDK_VECTORS.cases.find(
    (c) => c.id === "pos-22-response-ordercode",
  );
  if (vector === undefined) throw new Error("bench setup: vector pos-22 is missing");
  const content = { ...vector, body: vector.body };
  const data = core.signatureContent(content);

  const privateKey = await core.importPrivateKey(merchant.privateKeyPkcs8Base64);
  const publicKey = await core.importPublicKey(merchant.publicKeySpkiBase64);
  const signature = await core.createSignature(content, privateKey);
  const rawSignature = Uint8Array.from(atob(decodeURIComponent(signature)), (c) => c.charCodeAt(0));

  const privateKeyObject = createPrivateKey(merchant.privateKeyPkcs8Pem);
  const publicKeyObject = createPublicKey(merchant.publicKeySpkiPem);
  const rsa = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const der = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const webPrivate = await crypto.subtle.importKey(
    "pkcs8",
    der(merchant.privateKeyPkcs8Base64),
    rsa,
    false,
    ["sign"],
  );
  const webPublic = await crypto.subtle.importKey(
    "spki",
    der(merchant.publicKeySpkiBase64),
    rsa,
    false,
    ["verify"],
  );

  const mustVerify = (ok: boolean) => {
    if (!ok) throw new Error("bench setup: a signature did not verify");
  };
  const operations: Operation[] = [
    {
      name: "sign    @ams-edge/core (CryptoKey)",
      ops: SIGN_OPS,
      run: () => core.createSignature(content, privateKey),
    },
    {
      name: "sign    node:crypto (KeyObject)",
      ops: SIGN_OPS,
      run: () => sign("sha256", data, privateKeyObject),
    },
    {
      name: "sign    WebCrypto (cached CryptoKey)",
      ops: SIGN_OPS,
      run: () => crypto.subtle.sign(rsa, webPrivate, data),
    },
    {
      name: "verify  @ams-edge/core (CryptoKey)",
      ops: VERIFY_OPS,
      run: async () => mustVerify(await core.verifySignature(content, signature, publicKey)),
    },
    {
      name: "verify  @ams-edge/core (key string)",
      ops: VERIFY_OPS,
      run: async () =>
        mustVerify(await core.verifySignature(content, signature, merchant.publicKeySpkiBase64)),
    },
    {
      name: "verify  node:crypto (KeyObject)",
      ops: VERIFY_OPS,
      run: () => mustVerify(verify("sha256", data, publicKeyObject, rawSignature)),
    },
    {
      name: "verify  WebCrypto (cached CryptoKey)",
      ops: VERIFY_OPS,
      run: async () => mustVerify(await crypto.subtle.verify(rsa, webPublic, rawSignature, data)),
    },
  ];
  const [coreSign, nodeSign, , coreVerify, coreVerifyString, nodeVerify] = operations;
  if (!coreSign || !nodeSign || !coreVerify || !coreVerifyString || !nodeVerify) {
    throw new Error("bench setup: an operation is missing");
  }
  const reference = (op: Operation) => (op.name.startsWith("sign") ? nodeSign : nodeVerify);

  // Warm up every path (JIT, key caches) before measuring, as long in a short run as in a full
  // one: core's JavaScript needs more calls than a bare node:crypto call to be fully optimised,
  // and a short warm-up showed as a lower ratio.
  for (const op of operations) await costPerCall(op, op.name.startsWith("sign") ? 60 : 2000);
  const costs = new Map<Operation, number[]>(operations.map((op) => [op, []]));
  // Per operation, its speed relative to its node:crypto reference, one figure per round.
  const speedRatios = new Map<Operation, number[]>(operations.map((op) => [op, []]));
  const stringKeyRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const op of operations) {
      const ref = reference(op);
      if (op === ref) continue;
      const [refCost, opCost] = await costPair(ref, op);
      costs.get(ref)?.push(refCost);
      costs.get(op)?.push(opCost);
      speedRatios.get(op)?.push(refCost / opCost);
    }
    const [keyCost, stringCost] = await costPair(coreVerify, coreVerifyString);
    stringKeyRatios.push(stringCost / keyCost);
  }

  console.log(
    `RSA-2048 RSA256, ${ROUNDS} rounds of A B B A pairs, CPU time, medians; ratios against node:crypto`,
  );
  console.log(`${"operation".padEnd(38)}${"ops/s".padStart(9)}${"× node:crypto".padStart(16)}`);
  for (const op of operations) {
    const rate = 1e6 / median(costs.get(op) ?? []);
    const ratio = op === reference(op) ? 1 : median(speedRatios.get(op) ?? []);
    console.log(
      `${op.name.padEnd(38)}${Math.round(rate).toString().padStart(9)}${ratio.toFixed(2).padStart(15)}×`,
    );
  }
  // Noise margins come from short runs on this 2-core machine, some with another process keeping a
  // core busy (bench/README.md has the spreads): sign 0.94–1.00, verify 0.79–0.87, string-key
  // 0.97–1.07; full runs gave verify 0.86–0.87.
  return [
    {
      name: "core sign / node:crypto sign",
      value: median(speedRatios.get(coreSign) ?? []),
      direction: "at least",
      target: 0.9,
      noiseMargin: 0.05,
    },
    {
      name: "core verify / node:crypto verify",
      value: median(speedRatios.get(coreVerify) ?? []),
      direction: "at least",
      target: 0.8,
      noiseMargin: 0.1,
    },
    {
      name: "string-key verify cost / CryptoKey verify cost",
      value: median(stringKeyRatios),
      direction: "at most",
      target: 1.1,
      noiseMargin: 0.1,
    },
  ];
}
