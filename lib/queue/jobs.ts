import type PgBoss from "pg-boss";
import type { z } from "zod";

/**
 * A job type: a name, a zod payload schema (checked when sent AND when received, since payloads
 * outlive deployments), queue options, and a handler. Handlers must be idempotent: pg-boss may
 * deliver a job again after a crash.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  queue: Omit<PgBoss.Queue, "name">;
  /** How many jobs of this type one worker process handles at once. */
  concurrency: (workerConcurrency: number) => number;
  handle: (data: z.output<S>, job: { id: string; retryCount: number }) => Promise<void>;
};

export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

const registry = new Map<string, JobDefinition>();

export const registerJobs = (...definitions: JobDefinition[]) => {
  for (const definition of definitions) registry.set(definition.name, definition);
};

export const registeredJobs = () => [...registry.values()];

export const ensureQueues = async (boss: PgBoss) => {
  for (const definition of registry.values()) {
    const existing = await boss.getQueue(definition.name);
    if (!existing) await boss.createQueue(definition.name, { name: definition.name, ...definition.queue });
  }
};

/** Validates and sends one job (or many with `sendJobs`). */
export const sendJob = async <S extends z.ZodType>(boss: PgBoss, definition: JobDefinition<S>, data: z.input<S>, options: PgBoss.SendOptions = {}) =>
  boss.send(definition.name, definition.schema.parse(data) as object, options);

export const sendJobs = async <S extends z.ZodType>(boss: PgBoss, definition: JobDefinition<S>, items: z.input<S>[], options: Omit<PgBoss.JobInsert, "data" | "name"> = {}) => {
  if (items.length === 0) return;
  await boss.insert(items.map((data) => ({ ...options, name: definition.name, data: definition.schema.parse(data) as object })));
};
