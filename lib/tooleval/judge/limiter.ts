export type Limiter = {
  /** Runs `task` once fewer than `limit` tasks are running; tasks start in submission order. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  /** Changes the limit (e.g. halve it on rate limits); queued tasks start if room appears. */
  setLimit: (limit: number) => void;
  limit: () => number;
  active: () => number;
  pending: () => number;
};

/** A FIFO concurrency limiter: at most `limit` tasks in flight. */
export const createLimiter = (initialLimit: number): Limiter => {
  let limit = Math.max(1, Math.floor(initialLimit));
  let active = 0;
  const queue: (() => void)[] = [];
  const pump = () => {
    while (active < limit && queue.length > 0) {
      active += 1;
      queue.shift()!();
    }
  };
  const run = <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const release = () => {
        active -= 1;
        pump();
      };
      queue.push(() => {
        Promise.resolve().then(task).then(
          (value) => {
            release();
            resolve(value);
          },
          (error: unknown) => {
            release();
            reject(error);
          },
        );
      });
      pump();
    });

  return {
    run,
    setLimit: (next) => {
      limit = Math.max(1, Math.floor(next));
      pump();
    },
    limit: () => limit,
    active: () => active,
    pending: () => queue.length,
  };
};
