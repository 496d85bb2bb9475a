import { getBoss, stopBoss } from "../../queue/boss";
import { startWorker } from "../../queue/worker";
import { createExecutor } from "./executor";
import { reconcileRuns } from "./reconcile";
import { runChunkHandler } from "./worker-jobs";

const RECONCILE_EVERY_MS = 10_000;

/**
 * A queue worker in this process: judges run chunks, and takes its turn at reconciling unfinished
 * runs (recovering the work of killed workers). `stop` lets the calls in flight finish, gives the
 * remaining items back to the queue, then disconnects.
 */
export const runWorker = async ({
  concurrency,
  localCap,
  log = console.log,
}: {
  concurrency: number;
  localCap?: number;
  /** Where status lines go (the CLI keeps stdout for its result). */
  log?: (line: string) => void;
}) => {
  const executor = createExecutor({ localCap });
  const boss = await getBoss();
  const worker = await startWorker(boss, { concurrency, jobs: [runChunkHandler(executor)] });
  const reconcile = () =>
    reconcileRuns({ onJudgeBack: (judgeConfigId) => executor.resetCircuit(judgeConfigId) }).catch((error) =>
      log(`[worker] reconcile: ${(error as Error).message}`),
    );
  void reconcile();
  const timer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS);
  timer.unref();
  log(`[worker] ${executor.workerId} started (concurrency ${concurrency})`);

  return {
    executor,
    stop: async () => {
      clearInterval(timer);
      const stopping = executor.stop();
      await worker.stop();
      await stopping;
      await stopBoss();
      log("[worker] stopped");
    },
  };
};
