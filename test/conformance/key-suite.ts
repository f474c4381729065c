/**
 * Key import checks, run by every runner next to the vector suite: each accepted key form, and
 * each wrong key with the exact `KeyError` code it must produce. Runtimes differ in what their
 * WebCrypto accepts, so these run everywhere, not only in Node.
 */
import { OFFICIAL_PYTHON_SDK_VECTORS } from "../../packages/core/src/fixtures/official-python-sdk.ts";
import { BAD_CRYPTO_KEYS, BAD_KEYS, GOOD_KEYS, type Role } from "./key-cases.ts";
import type { CoreUnderTest, VectorCase } from "./vector-suite.ts";

const { merchant, alipay } = OFFICIAL_PYTHON_SDK_VECTORS.keys;
const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
const spki = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function importAs(
  core: CoreUnderTest,
  role: Role,
  input: string | JsonWebKey | CryptoKey,
): Promise<CryptoKey> {
  return role === "private" ? core.importPrivateKey(input) : core.importPublicKey(input);
}

/** Every good key imports as expected; every bad key is refused with its exact code. */
export function keySuite(core: CoreUnderTest): VectorCase[] {
  const out: VectorCase[] = [];
  for (const [name, role, input] of GOOD_KEYS) {
    out.push({
      name: `imports ${role} key: ${name}`,
      run: async () => {
        const key = await importAs(core, role, input());
        const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
        const seen = [
          key.type,
          key.extractable,
          algorithm.name,
          algorithm.hash.name,
          key.usages.join(),
        ].join();
        const expected = [
          role,
          false,
          "RSASSA-PKCS1-v1_5",
          "SHA-256",
          role === "private" ? "sign" : "verify",
        ];
        check(seen === expected.join(), `got ${seen}`);
      },
    });
  }
  out.push({
    name: "passes a suitable CryptoKey through unchanged",
    run: async () => {
      const key = await crypto.subtle.importKey(
        "spki",
        spki(alipay.publicKeySpkiBase64),
        RSA,
        true,
        ["verify"],
      );
      check((await core.importPublicKey(key)) === key, "got another key");
    },
  });
  out.push({
    name: "parses a key string once: the same CryptoKey comes back",
    run: async () => {
      const [a, b] = await Promise.all([
        core.importPrivateKey(merchant.privateKeyPkcs1Pem),
        core.importPrivateKey(merchant.privateKeyPkcs1Pem),
      ]);
      check(
        a === b && a === (await core.importPrivateKey(merchant.privateKeyPkcs1Pem)),
        "got different keys",
      );
    },
  });
  const refusals: Array<
    readonly [string, Role, () => Promise<string | JsonWebKey | CryptoKey>, string]
  > = [
    ...BAD_KEYS.map(
      ([name, role, input, code]) => [name, role, async () => input(), code] as const,
    ),
    ...BAD_CRYPTO_KEYS,
  ];
  for (const [name, role, input, code] of refusals) {
    out.push({
      name: `refuses ${role} key with ${code}: ${name}`,
      run: async () => {
        const error: unknown = await importAs(core, role, await input()).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        const got = (error as { code?: unknown } | undefined)?.code;
        const kind = (error as { name?: unknown } | undefined)?.name;
        check(got === code && kind === "KeyError", `got ${String(kind)} ${String(got)}`);
      },
    });
  }
  return out;
}
