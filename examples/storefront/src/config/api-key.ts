/**
 * The till's merchant API key, kept in this browser's localStorage. `npm start` can print a link
 * ending in `#apiKey=<key>`: opening it stores the key and removes it from the address bar and
 * history. The fragment never reaches a server.
 */
const STORAGE_KEY = "ams-edge:pos-api-key";

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked by the browser's settings: the key lives for this page only.
    return null;
  }
}

let memory = "";

/** The stored API key, or `""` when there is none. Passed to `AmsProvider` as `apiKey`. */
export function readApiKey(): string {
  return storage()?.getItem(STORAGE_KEY) ?? memory;
}

/** Remembers the API key for this browser. */
export function saveApiKey(apiKey: string): void {
  memory = apiKey.trim();
  try {
    storage()?.setItem(STORAGE_KEY, memory);
  } catch {
    // A full or blocked storage keeps the key in memory only.
  }
}

/** Forgets the API key (e.g. the Worker refused it). */
export function forgetApiKey(): void {
  memory = "";
  storage()?.removeItem(STORAGE_KEY);
}

/**
 * Takes `#apiKey=<key>` from the current URL: stores the key and rewrites the URL without the
 * fragment. Returns true when a key was taken.
 */
export function adoptApiKeyFromFragment(location: Location, history: History): boolean {
  const apiKey = new URLSearchParams(location.hash.slice(1)).get("apiKey");
  if (apiKey === null || apiKey.trim() === "") return false;
  saveApiKey(apiKey);
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  return true;
}
