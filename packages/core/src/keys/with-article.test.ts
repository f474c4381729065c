import { expect, test } from "vitest";
import { withArticle } from "./with-article.ts";

test.each([
  ["EC", "an EC"],
  ["Ed25519", "an Ed25519"],
  ["RSA", "an RSA"],
  ["RSA-PSS", "an RSA-PSS"],
  ["X25519", "an X25519"],
  ["spki", "an spki"],
  ["OID 2a8648ce3d0201", "an OID 2a8648ce3d0201"],
  ["DSA", "a DSA"],
  ["pkcs8", "a pkcs8"],
  ["pkcs1-private", "a pkcs1-private"],
  ["UUID", "a UUID"],
])("withArticle(%j) is %j", (word, expected) => {
  expect(withArticle(word)).toBe(expected);
});
