import { useSyncExternalStore } from "react";
import type { ExternalStore } from "../stores/snapshot-store.ts";

/** Reads a store of this package; the first component to read it starts its work. */
export function useStore<S>(store: ExternalStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
}
