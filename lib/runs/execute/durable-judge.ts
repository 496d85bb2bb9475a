import { sha256Hex } from "../../tooleval/canonical-json";
import { JudgeError } from "../../tooleval/judge/error";
import type { Judge, JudgeCall, JudgeReply } from "../../tooleval/types";
import { costOf } from "../../judges/runtime";
import type { JudgeHandle } from "./judge-handles";
import type { JudgmentRow, RunSql } from "./sql";

/** Thrown to abandon an item without a verdict: the run was cancelled or paused, or the worker stops. */
export class StopItem extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

const VERDICT_KEYS = ["answer_status", "task_status", "index"];

export const verdictOf = (args: Record<string, unknown>): string | null => {
  const key = VERDICT_KEYS.find((candidate) => candidate in args);

  return key === undefined ? null : String(args[key]);
};

/**
 * The judge as one item's round sees it, made durable:
 * 1. a stage already stored for this item (a retried or resumed job) is replayed, never re-asked;
 * 2. identical work stored by any run (same endpoint, model, parameters, rendered request, round) is
 *    reused from the cache;
 * 3. otherwise the judge is called under the shared in-flight limit (and the run's budget), and the
 *    reply is stored before the round goes on, so a crash loses at most the calls in flight.
 */
export const createDurableJudge = ({
  item,
  replies,
  handle,
  sql,
  shouldStop,
  reserveBudget,
}: {
  item: { id: string; runId: string; round: number };
  replies: Map<string, JudgeReply>;
  handle: JudgeHandle;
  sql: RunSql;
  shouldStop: () => string | undefined;
  reserveBudget: (estimateUsd: number) => Promise<(actualUsd: number) => Promise<void>>;
}): Judge => {
  const store = (row: Omit<JudgmentRow, "runItemId" | "runId">) => sql.insertJudgments.run({ ...row, runItemId: item.id, runId: item.runId });

  return async (call: JudgeCall) => {
    const replayed = replies.get(call.stage);
    if (replayed) return replayed;
    const stop = shouldStop();
    if (stop) throw new StopItem(stop);

    const request = handle.client.requestFor(call);
    const cacheKey = sha256Hex(`${handle.runtime.fingerprint}|${request.hash}|round:${item.round}`);
    const cached = await sql.findCached.run(cacheKey);
    if (cached) {
      await store({
        stage: call.stage, fn: call.fn, verdict: verdictOf(cached.args), reason: cached.reason ?? null, rawResponse: { args: cached.args, reason: cached.reason },
        promptHash: request.hash, cacheKey, cachedFromId: cached.id, promptTokens: 0, completionTokens: 0, latencyMs: 0, attempts: 0, costUsd: 0,
      });

      return { args: cached.args, reason: cached.reason };
    }

    const worstCase = costOf(handle.runtime.prices, { promptTokens: Math.ceil(request.content.length / 3), completionTokens: handle.runtime.maxTokens });
    const settle = await reserveBudget(worstCase);
    const release = await handle.gate.acquire();
    try {
      const stopNow = shouldStop();
      if (stopNow) throw new StopItem(stopNow);
      const result = await handle.client.call(call);
      handle.gate.onSuccess();
      handle.circuit.succeeded();
      const costUsd = costOf(handle.runtime.prices, result.usage);
      await settle(costUsd);
      await store({
        stage: call.stage, fn: call.fn, verdict: verdictOf(result.args), reason: result.reason ?? null, rawResponse: { args: result.args, reason: result.reason, message: result.raw },
        promptHash: request.hash, cacheKey, cachedFromId: null, promptTokens: result.usage?.promptTokens ?? 0,
        completionTokens: result.usage?.completionTokens ?? 0, latencyMs: result.latencyMs, attempts: result.attempts, costUsd,
      });

      return { args: result.args, reason: result.reason };
    } catch (error) {
      await settle(0);
      if (error instanceof JudgeError && ["connection", "timeout", "server_error"].includes(error.kind)) handle.circuit.failed(error.message);
      throw error;
    } finally {
      release();
    }
  };
};
