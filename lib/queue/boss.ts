import PgBoss from "pg-boss";
import { databaseUrl } from "../db/client";

/**
 * pg-boss on the application database (schema `pgboss`). The web server only sends jobs; workers
 * (inside `npm start` and any `npm run worker` process, on any machine) receive them.
 */
let instance: Promise<PgBoss> | undefined;

export const createBoss = (url: string) => {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 4, application_name: "tooleval-queue" });
  boss.on("error", (error) => console.error("[queue]", error.message));

  return boss;
};

/** The process-wide started instance (creates its schema and the application's queues on first use). */
export const getBoss = (): Promise<PgBoss> =>
  (instance ??= (async () => {
    const boss = createBoss(databaseUrl());
    await boss.start();
    const [{ ensureQueues }, { JOB_CONTRACTS }] = await Promise.all([import("./jobs"), import("./contracts")]);
    await ensureQueues(boss, JOB_CONTRACTS);

    return boss;
  })());

/** Stops the instance gracefully; handlers still finishing may keep sending jobs with it meanwhile. */
export const stopBoss = async (options: PgBoss.StopOptions = {}) => {
  const current = instance;
  const boss = await current?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: 30_000, ...options });
  if (instance === current) instance = undefined;
};
