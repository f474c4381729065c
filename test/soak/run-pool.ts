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
