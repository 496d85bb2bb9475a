import type PgBoss from "pg-boss";
import type { AnyJobDefinition } from "./jobs";

export type Worker = { stop: () => Promise<void> };

/**
 * Subscribes this process to the given job types. pg-boss 10 runs one handler at a time per
 * subscription, so a job type that should run N at once gets N subscriptions. `stop` unsubscribes
 * and waits for handlers in flight (pg-boss's graceful stop does the waiting).
 */
export const startWorker = async (boss: PgBoss, { concurrency, jobs }: { concurrency: number; jobs: AnyJobDefinition[] }): Promise<Worker> => {
  const ids: string[] = [];
  for (const definition of jobs) {
    const count = Math.max(1, definition.concurrency(concurrency));
    for (let i = 0; i < count; i += 1) {
      const id = await boss.work(definition.name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        await definition.handle(definition.schema.parse(job.data) as never, { id: job.id });
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
