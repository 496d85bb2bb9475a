import { JudgeError } from "../judge/error";
import { createLimiter } from "../judge/limiter";
import type { Judge } from "../types";

export type ProgressEvent = { set: string; done: number; total: number; errors: number };

export type RoundTask = { qid: string; round: number; run: () => Promise<void> };

/** A judge with at most `maxInFlight` calls outstanding (`--max_eval_threads`). */
export const limitJudge = (judge: Judge, maxInFlight: number): Judge => {
  const limiter = createLimiter(maxInFlight);

  return (call) => limiter.run(() => judge(call));
};

/**
 * Runs every round task concurrently (the judge's limiter bounds the real work). A `JudgeError` marks
 * only its round as failed: it is counted, reported, and the round stays unrecorded so a re-run
 * resumes it. Any other error is a bug or an I/O failure and is rethrown once all tasks settled.
 */
export const runRounds = async ({
  set,
  tasks,
  onProgress,
  onError,
  afterEach,
}: {
  set: string;
  tasks: RoundTask[];
  onProgress?: (event: ProgressEvent) => void;
  onError?: (error: JudgeError, task: { set: string; qid: string; round: number }) => void;
  afterEach?: () => void;
}): Promise<{ errors: number }> => {
  let done = 0;
  let errors = 0;
  const settled = await Promise.allSettled(
    tasks.map(async ({ qid, round, run }) => {
      try {
        await run();
      } catch (error) {
        if (!(error instanceof JudgeError)) throw error;
        errors += 1;
        onError?.(error, { set, qid, round });
      } finally {
        done += 1;
        afterEach?.();
        onProgress?.({ set, done, total: tasks.length, errors });
      }
    }),
  );
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;

  return { errors };
};
