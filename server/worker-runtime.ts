import { getBoss, stopBoss } from "../lib/queue/boss";
import { registerAllJobs } from "../lib/queue/registry";
import { startWorker } from "../lib/queue/worker";

/** Starts a queue worker in this process; `stop` lets the jobs in flight finish, then disconnects. */
export const runWorker = async ({ concurrency }: { concurrency: number }) => {
  registerAllJobs();
  const boss = await getBoss();
  const worker = await startWorker(boss, { concurrency });
  console.log(`[worker] started (concurrency ${concurrency})`);

  return {
    stop: async () => {
      await worker.stop();
      await stopBoss();
      console.log("[worker] stopped");
    },
  };
};
