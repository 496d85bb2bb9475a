import { disconnectDb } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { getEnv } from "../lib/env";
import { onShutdown } from "./shutdown";
import { runWorker } from "../lib/runs/execute/run-worker";

/**
 * `npm run worker`: one more worker process against the same database (DATABASE_URL, or the embedded
 * server of TOOLEVAL_DATA_DIR on this machine). Start as many as the judge endpoints can take.
 */
const main = async () => {
  const database = await openDatabase();
  onShutdown("database", async () => {
    await disconnectDb();
    await database.stop();
  });
  const worker = await runWorker({ concurrency: getEnv().TOOLEVAL_WORKER_CONCURRENCY });
  onShutdown("worker", () => worker.stop());
};

main().catch((error) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
