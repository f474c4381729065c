/**
 * `word` after "a" or "an", for key and format names, which are read letter by letter or start
 * with a vowel sound: the letters whose names start with one (A E F H I L M N O R S X) take "an"
 * (an EC, an Ed25519, an RSA, an spki), the others "a" (a DSA, a pkcs8, a UUID). Not meant for
 * ordinary words ("a secret").
 *
 * @example
 * withArticle("EC"); // "an EC"
 */
export function withArticle(word: string): string {
  return `${/^[aefhilmnorsx]/i.test(word) ? "an" : "a"} ${word}`;
}
