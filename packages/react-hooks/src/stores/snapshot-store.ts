/** The `useSyncExternalStore` contract every store of this package fulfils. */
export interface ExternalStore<S> {
  /** The current state; the same object until something changes. */
  getSnapshot(): S;
  /** The state to render on the server and during hydration (never reads browser storage). */
  getServerSnapshot(): S;
  /**
   * Calls `listener` after every change. The first subscriber starts the store's work (sockets,
   * timers, requests); when the last one leaves, the work stops.
   */
  subscribe(listener: () => void): () => void;
}

/** A state cell with listeners that starts work on the first subscriber and stops on the last. */
export interface SnapshotCell<S> {
  /** What `useSyncExternalStore` reads; spread it into the store. */
  store: ExternalStore<S>;
  get(): S;
  set(next: S): void;
  /** True while someone listens. */
  active(): boolean;
}

/**
 * Makes a {@link SnapshotCell}; `server` is the server snapshot, and `onStart`/`onStop` bracket
 * the time someone listens.
 */
export function snapshotCell<S>(
  initial: S,
  server: S,
  onStart?: () => void,
  onStop?: () => void,
): SnapshotCell<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  const get = () => state;
  return {
    store: {
      getSnapshot: get,
      getServerSnapshot: () => server,
      subscribe(listener) {
        // Wrapped so that one function subscribed twice counts twice, as React expects.
        const wrapped = () => listener();
        listeners.add(wrapped);
        if (listeners.size === 1) onStart?.();
        return () => {
          if (listeners.delete(wrapped) && !listeners.size) onStop?.();
        };
      },
    },
    get,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    active: () => listeners.size > 0,
  };
}
