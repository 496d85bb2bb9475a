import { defineJob } from "../../queue/jobs";
import { enqueueItems } from "../enqueue";
import { CHUNK_SIZE, runChunkJob } from "../jobs";
import type { Executor } from "./executor";

/**
 * The worker side of `run-chunk`. Enough chunks run at once to keep the judges' slots busy; items a
 * chunk had to give back (worker stopping, judge briefly unreachable) are sent again right away.
 */
export const runChunkHandler = (executor: Executor) =>
  defineJob({
    ...runChunkJob,
    concurrency: (workerConcurrency) => Math.max(2, Math.ceil(workerConcurrency / CHUNK_SIZE) + 1),
    handle: async (data) => {
      const { retry, transient } = await executor.runChunk(data);
      if (retry.length > 0) await enqueueItems({ runId: data.runId, itemIds: retry, startAfterSeconds: transient ? 5 : undefined });
    },
  });
