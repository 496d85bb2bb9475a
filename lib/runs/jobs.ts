import { z } from "zod";
import type { JobContract } from "../queue/jobs";

/** Items per job: small enough to spread a run over workers, large enough to batch its SQL. */
export const CHUNK_SIZE = 25;

/**
 * Judge these items of a run. The items, not the job, are the unit of truth: a job delivered twice,
 * or after the run was cancelled, finds its items done or leased and does nothing.
 */
export const runChunkJob = {
  name: "run-chunk",
  schema: z.object({ runId: z.string().min(1), itemIds: z.array(z.string().min(1)).min(1).max(CHUNK_SIZE) }),
  queue: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 * 60 },
} satisfies JobContract;
