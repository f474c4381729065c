/** A timeout slot that holds at most one pending call. */
export interface Timer {
  /** Runs `run` after `ms`, replacing a pending call. */
  start(run: () => void, ms: number): void;
  /** Drops the pending call, if any. */
  stop(): void;
  /** True while a call is pending. */
  pending(): boolean;
}

/** Makes a {@link Timer}; the slot is free again as soon as its call starts. */
export function timer(): Timer {
  let id: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(id);
    id = undefined;
  };
  return {
    start(run, ms) {
      stop();
      id = setTimeout(() => {
        id = undefined;
        run();
      }, ms);
    },
    stop,
    pending: () => id !== undefined,
  };
}
