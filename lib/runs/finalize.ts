import { db } from "../db/client";
import { runOptionsSchema } from "./schemas";
import { summarizePassRate, summarizePreference, type ItemOutcome } from "./summarize";

/**
 * Stored results of every test set of a run, from its items (through the engine's scoring), plus
 * the run's totals. Used when a run completes and to show partial results while it runs.
 */
export const computeRunResults = async (runId: string) => {
  const run = await db().evalRun.findUniqueOrThrow({
    where: { id: runId },
    select: { kind: true, protocol: true, evaluateTimes: true, options: true, sets: { select: { id: true, testSetId: true } } },
  });
  const options = runOptionsSchema.parse(run.options ?? {});
  const results = new Map<string, unknown>();
  for (const set of run.sets) {
    const [items, queryCount] = await Promise.all([
      db().runItem.findMany({ where: { runSetId: set.id }, select: { queryId: true, round: true, status: true, outcome: true, candidateId: true, detail: true } }),
      db().query.count({ where: { testSetId: set.testSetId } }),
    ]);
    const outcomes: ItemOutcome[] = items.map(({ candidateId, detail, ...item }) => ({
      ...item,
      answered: candidateId !== null,
      coinFlip: (detail as { coinFlip?: boolean } | null)?.coinFlip === true,
    }));
    if (run.kind === "preference") {
      results.set(set.id, summarizePreference({ items: outcomes, queryIds: [...new Set(items.map((item) => item.queryId))] }));
    } else {
      const answered = new Set(outcomes.filter((item) => item.answered).map((item) => item.queryId)).size;
      results.set(
        set.id,
        summarizePassRate({ protocol: run.protocol, items: outcomes, total: Math.max(queryCount, answered), evaluateTimes: run.evaluateTimes, options }),
      );
    }
  }

  return results;
};

/** Aggregates of a run's judgments: real calls, cache hits, tokens, cost. */
export const judgmentTotals = async (runId: string) => {
  const [calls, hits] = await Promise.all([
    db().judgment.aggregate({
      where: { runId, fn: { not: null }, cachedFromId: null },
      _count: { _all: true },
      _sum: { promptTokens: true, completionTokens: true, costUsd: true },
    }),
    db().judgment.count({ where: { runId, cachedFromId: { not: null } } }),
  ]);

  return {
    judgeCalls: calls._count._all,
    cacheHits: hits,
    promptTokens: calls._sum.promptTokens ?? 0,
    completionTokens: calls._sum.completionTokens ?? 0,
    costUsd: calls._sum.costUsd ?? 0,
  };
};

/**
 * Completes a run once no item is pending: stores each set's result and the totals. Safe to call
 * from several workers at once: only the one that moves the run from RUNNING to COMPLETED writes.
 */
export const finalizeRun = async (runId: string): Promise<boolean> => {
  const pending = await db().runItem.count({ where: { runId, status: "PENDING" } });
  if (pending > 0) return false;
  const [results, totals, counts] = await Promise.all([
    computeRunResults(runId),
    judgmentTotals(runId),
    db().runItem.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } }),
  ]);
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;

  return db().$transaction(async (tx) => {
    const claimed = await tx.evalRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { status: "COMPLETED", finishedAt: new Date(), doneItems: count("DONE"), errorItems: count("ERROR"), ...totals },
    });
    if (claimed.count === 0) return false;
    for (const [runSetId, result] of results) await tx.runSet.update({ where: { id: runSetId }, data: { result: result as object } });

    return true;
  });
};
