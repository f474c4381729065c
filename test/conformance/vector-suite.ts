/**
 * The official-SDK vector suite, written once and run by every runner: Vitest in Node and in
 * workerd, `deno test`, `bun test`. It depends on no test library: each case is a name and an
 * async function that throws on failure, and the runner passes in the core API it resolved, so
 * each runtime imports `@ams-edge/core` its own way.
 */

import {
  OFFICIAL_PYTHON_SDK_VECTORS,
  type OfficialVectorCase,
  type OfficialVectorKeyPair,
} from "../../packages/core/src/fixtures/official-python-sdk.ts";
import { TEST_KEYS } from "../../packages/core/src/fixtures/test-keys.ts";
import type * as Core from "../../packages/core/src/index.ts";

/** The part of `@ams-edge/core` the suite exercises. */
export type CoreUnderTest = Pick<
  typeof Core,
  "createSignature" | "verifySignature" | "importPrivateKey" | "importPublicKey" | "cryptoRuntime"
>;

/** One named check; `run` rejects with a readable message when it fails. */
export interface VectorCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

const { keys, cases } = OFFICIAL_PYTHON_SDK_VECTORS;

const PRIVATE_FORMS = [
  "privateKeyPkcs8Base64",
  "privateKeyPkcs1Base64",
  "privateKeyPkcs8Pem",
  "privateKeyPkcs1Pem",
] as const;
const PUBLIC_FORMS = ["publicKeySpkiBase64", "publicKeySpkiPem", "publicKeyPkcs1Pem"] as const;

const PRIVATE_JWK = { merchant: TEST_KEYS.merchantPrivateJwk, alipay: TEST_KEYS.alipayPrivateJwk };
const PUBLIC_JWK = { merchant: TEST_KEYS.merchantPublicJwk, alipay: TEST_KEYS.alipayPublicJwk };

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function publicKeyOf(c: OfficialVectorCase): string {
  const form = (c.verifyKeyForm ?? "publicKeySpkiBase64") as keyof OfficialVectorKeyPair;
  return keys[c.verifyKey][form];
}

/** What a strict RSA256 verifier must answer: the SDK's answer, except for the quirk cases. */
export function strictExpectation(c: OfficialVectorCase): boolean {
  return c.strictExpected ?? c.expected;
}

/** The check that the runner's runtime picked the crypto provider it should have. */
export function providerCase(core: CoreUnderTest, expected: "web" | "node"): VectorCase {
  return {
    name: `crypto provider is "${expected}"`,
    run: async () => check(core.cryptoRuntime === expected, `got "${core.cryptoRuntime}"`),
  };
}

/**
 * All checks over the 60 official cases: every positive signature reproduced byte for byte from
 * every private-key form (and JWK) and accepted under every public-key form; every negative,
 * verify-only and quirk case answered as a strict verifier must.
 */
export function vectorSuite(core: CoreUnderTest): VectorCase[] {
  const out: VectorCase[] = [
    {
      name: "the file holds 32 positive, 23 negative, 3 verify-only and 2 quirk cases",
      run: async () => {
        const count = (group: string) => cases.filter((c) => c.group === group).length;
        const seen = [
          count("positive"),
          count("negative"),
          count("positive-verify-only"),
          count("quirk"),
        ];
        check(seen.join() === "32,23,3,2", `got ${seen.join()}`);
      },
    },
  ];
  for (const c of cases) {
    const signer = c.signingKey;
    if (c.group === "positive" && signer !== undefined) {
      out.push({
        name: `${c.id}: signature reproduced from every private-key form`,
        run: async () => {
          for (const key of [
            ...PRIVATE_FORMS.map((form) => keys[signer][form]),
            PRIVATE_JWK[signer],
          ]) {
            const signature = await core.createSignature(c, key);
            check(
              signature === c.signature,
              `${JSON.stringify(key).slice(0, 40)}… gave ${signature}`,
            );
          }
        },
      });
      out.push({
        name: `${c.id}: accepted under every public-key form`,
        run: async () => {
          for (const key of [
            ...PUBLIC_FORMS.map((form) => keys[c.verifyKey][form]),
            PUBLIC_JWK[c.verifyKey],
          ]) {
            const valid = await core.verifySignature(c, c.signature, key);
            check(valid, `rejected under ${JSON.stringify(key).slice(0, 40)}…`);
          }
        },
      });
      continue;
    }
    out.push({
      name: `${c.id} (${c.group}): verify answers ${strictExpectation(c)}`,
      run: async () => {
        const valid = await core.verifySignature(c, c.signature, publicKeyOf(c));
        check(valid === strictExpectation(c), `answered ${valid}: ${c.description}`);
      },
    });
  }
  out.push({
    name: "every case verified at once, keys cached and not, each answers for itself",
    run: async () => {
      // verifySignature writes the content and the signature into buffers it reuses, so each
      // call must be done with them before the next starts: with WebCrypto, that holds only if
      // the runtime copies its inputs before returning, as the specification says. A key string
      // not seen before makes the call wait for its import while the others go on.
      const jobs = cases.flatMap((c, i) =>
        [publicKeyOf(c), `${publicKeyOf(c)}${"\n".repeat(i + 1)}`].map(async (key) => {
          const valid = await core.verifySignature(c, c.signature, key);
          return valid === strictExpectation(c) ? [] : [`${c.id} answered ${valid}`];
        }),
      );
      const wrong = (await Promise.all(jobs)).flat();
      check(wrong.length === 0, wrong.join("; "));
    },
  });
  return out;
}
