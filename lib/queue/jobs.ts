import type PgBoss from "pg-boss";
import type { z } from "zod";

/**
 * A job type's contract: its name, a zod payload schema (checked when a job is sent AND when it is
 * received, since payloads outlive deployments) and its queue options. Senders (the web server)
 * need only this; workers add a handler.
 */
export type JobContract<S extends z.ZodType = z.ZodType> = { name: string; schema: S; queue: Omit<PgBoss.Queue, "name"> };

/** A contract with its handler. Handlers must be idempotent: pg-boss may deliver a job again after a crash. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = JobContract<S> & {
  /** How many jobs of this type one worker process handles at once. */
  concurrency: (workerConcurrency: number) => number;
  handle: (data: z.output<S>, job: { id: string }) => Promise<void>;
};

export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

/** Any job definition, whatever its payload type (the worker parses with the job's own schema). */
export type AnyJobDefinition = Omit<JobDefinition, "handle"> & { handle: (data: never, job: { id: string }) => Promise<void> };

export const ensureQueues = async (boss: PgBoss, contracts: JobContract[]) => {
  for (const contract of contracts) {
    const existing = await boss.getQueue(contract.name);
    if (!existing) await boss.createQueue(contract.name, { name: contract.name, ...contract.queue });
  }
};

/** Validates and sends one job. */
export const sendJob = async <S extends z.ZodType>(boss: PgBoss, contract: JobContract<S>, data: z.input<S>, options: PgBoss.SendOptions = {}) =>
  boss.send(contract.name, contract.schema.parse(data) as object, options);

/** Validates and sends many jobs in one insert. */
export const sendJobs = async <S extends z.ZodType>(boss: PgBoss, contract: JobContract<S>, items: z.input<S>[], options: Omit<PgBoss.JobInsert, "data" | "name"> = {}) => {
  if (items.length === 0) return;
  await boss.insert(items.map((data) => ({ ...options, name: contract.name, data: contract.schema.parse(data) as object })));
};
