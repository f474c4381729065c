/**
 * Runs `task` over `items` with at most `concurrency` tasks in flight, and returns the results in
 * the items' order. A task that throws fails the pool; soak tasks catch their own errors.
 *
 * @example
 * await runPool([1, 2, 3], 2, async (n) => n * 2); // [2, 4, 6], never more than two at once
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`runPool: expected a concurrency of at least 1, got ${concurrency}`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/**
 * A limiter: `limit(task)` runs `task` once fewer than `concurrency` tasks given to it are
 * running, and resolves with its result; tasks start in the order given.
 *
 * @example
 * const limit = createLimiter(2);
 * await Promise.all([1, 2, 3].map((n) => limit(async () => n * 2))); // [2, 4, 6], two at a time
 */
export function createLimiter(concurrency: number): <R>(task: () => Promise<R>) => Promise<R> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`createLimiter: expected a concurrency of at least 1, got ${concurrency}`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot straight to the next waiting one.
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
