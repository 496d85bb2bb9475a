import type PgBoss from "pg-boss";
import { registeredJobs } from "./jobs";

export type Worker = { stop: () => Promise<void> };

/**
 * Subscribes this process to every registered job type. pg-boss 10 runs one handler at a time per
 * subscription, so a job type that should run N at once gets N subscriptions. `stop` unsubscribes
 * and waits for handlers in flight (pg-boss's graceful stop does the waiting).
 */
export const startWorker = async (boss: PgBoss, { concurrency }: { concurrency: number }): Promise<Worker> => {
  const ids: string[] = [];
  for (const definition of registeredJobs()) {
    const count = Math.max(1, definition.concurrency(concurrency));
    for (let i = 0; i < count; i += 1) {
      const id = await boss.work(definition.name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        const data = definition.schema.parse(job.data);
        await definition.handle(data, { id: job.id, retryCount: 0 });
      });
      ids.push(id);
    }
  }

  return {
    stop: async () => {
      await Promise.all(ids.map((id) => boss.offWork({ id }).catch(() => undefined)));
    },
  };
};
