import type { KeyRole } from "./key-role.ts";

interface Entry {
  readonly pending: Promise<CryptoKey>;
  key: CryptoKey | undefined;
}

// A process signs with a handful of keys; the bound only stops a caller that builds key strings
// dynamically from growing memory without limit.
const MAX_ENTRIES = 64;
const caches: Record<KeyRole, Map<string, Entry>> = { private: new Map(), public: new Map() };

/** The imported key for `text`, once its import has finished. */
export function cachedKey(role: KeyRole, text: string): CryptoKey | undefined {
  return caches[role].get(text)?.key;
}

/**
 * The import of `text`, started with `load` only if no import of it is cached or in flight, so
 * that a key string is parsed once per isolate.
 */
export function importOnce(
  role: KeyRole,
  text: string,
  load: (text: string, role: KeyRole) => Promise<CryptoKey>,
): Promise<CryptoKey> {
  const cache = caches[role];
  const existing = cache.get(text);
  if (existing !== undefined) return existing.pending;
  const pending = load(text, role);
  const entry: Entry = { pending, key: undefined };
  // Maps iterate in insertion order: the first key is the oldest.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? "");
  cache.set(text, entry);
  pending.then(
    (key) => {
      entry.key = key;
    },
    () => {
      if (cache.get(text) === entry) cache.delete(text);
    },
  );
  return pending;
}
