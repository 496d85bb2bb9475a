/**
 * Collects single operations from many concurrent callers and runs them as one batch (one SQL
 * statement) when `maxSize` are waiting or `maxWaitMs` has passed. Each caller gets its own result.
 * Judge calls take hundreds of milliseconds, so a few milliseconds of batching cost nothing and save
 * a database round trip per call.
 */
export type Batcher<T, R> = { run: (item: T) => Promise<R>; flush: () => Promise<void> };

export const createBatcher = <T, R>(
  execute: (items: T[]) => Promise<R[]>,
  { maxSize = 200, maxWaitMs = 5 }: { maxSize?: number; maxWaitMs?: number } = {},
): Batcher<T, R> => {
  let pending: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void>[] = [];

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const done = (async () => {
      try {
        const results = await execute(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    })();
    inFlight.push(done);
    await done;
    inFlight = inFlight.filter((promise) => promise !== done);
  };

  return {
    run: (item) =>
      new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= maxSize) void flush();
        else timer ??= setTimeout(() => void flush(), maxWaitMs);
      }),
    flush: async () => {
      await flush();
      await Promise.all(inFlight);
    },
  };
};
