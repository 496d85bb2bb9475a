import { db } from "../db/client";
import { TEST_SETS } from "../tooleval/types";
import { computeRunResults, judgmentTotals } from "./finalize";

export const ACTIVE_STATUSES = ["QUEUED", "RUNNING"] as const;

type StatusCounts = { pending: number; done: number; error: number; total: number };

const countsFrom = (rows: { status: string; _count: { _all: number } }[]): StatusCounts => {
  const get = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  const [pending, done, error] = [get("PENDING"), get("DONE"), get("ERROR")];

  return { pending, done, error, total: pending + done + error };
};

/** The runs list: newest first, with live item counts, judge usage and the models involved. */
export const listRuns = async ({ take = 50 }: { take?: number } = {}) => {
  const runs = await db().evalRun.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true, kind: true, protocol: true, status: true, judgeName: true, evaluateTimes: true, imported: true, isDemo: true, createdAt: true,
      finishedAt: true, pauseReason: true, costUsd: true, judgeCalls: true, cacheHits: true,
      sets: {
        select: {
          testSet: { select: { name: true } },
          submissionSet: { select: { submission: { select: { version: true, model: { select: { name: true } } } } } },
          referenceSubmissionSet: { select: { submission: { select: { version: true, model: { select: { name: true } } } } } },
        },
      },
    },
  });
  const runIds = runs.map((run) => run.id);
  const [counts, usage, lastMinute] = await Promise.all([
    db().runItem.groupBy({ by: ["runId", "status"], where: { runId: { in: runIds } }, _count: { _all: true } }),
    db().judgment.groupBy({ by: ["runId"], where: { runId: { in: runIds }, fn: { not: null }, cachedFromId: null }, _count: { _all: true }, _sum: { promptTokens: true, completionTokens: true, costUsd: true } }),
    db().judgment.groupBy({ by: ["runId"], where: { runId: { in: runIds }, fn: { not: null }, cachedFromId: null, createdAt: { gte: new Date(Date.now() - 60_000) } }, _count: { _all: true } }),
  ]);

  return runs.map((run) => {
    const first = run.sets[0];

    return {
      ...run,
      candidate: first ? `${first.submissionSet.submission.model.name} v${first.submissionSet.submission.version}` : "—",
      reference: first?.referenceSubmissionSet ? `${first.referenceSubmissionSet.submission.model.name} v${first.referenceSubmissionSet.submission.version}` : null,
      testSets: run.sets.map((set) => set.testSet.name),
      progress: countsFrom(counts.filter((row) => row.runId === run.id)),
      usage: (() => {
        const row = usage.find((entry) => entry.runId === run.id);

        return {
          calls: row?._count._all ?? 0,
          tokens: (row?._sum.promptTokens ?? 0) + (row?._sum.completionTokens ?? 0),
          costUsd: row?._sum.costUsd ?? 0,
          callsPerMinute: lastMinute.find((entry) => entry.runId === run.id)?._count._all ?? 0,
        };
      })(),
    };
  });
};

/** Everything the run page shows, computed live (partial results while it runs). */
export const getRunDetail = async (runId: string) => {
  const run = await db().evalRun.findUnique({
    where: { id: runId },
    select: {
      id: true, kind: true, protocol: true, status: true, judgeName: true, judgeConfigId: true, evaluateTimes: true, seed: true, options: true, imported: true,
      isDemo: true, budgetUsd: true, pauseReason: true, createdAt: true, startedAt: true, finishedAt: true,
      createdBy: { select: { email: true } },
      sets: {
        select: {
          id: true, result: true, totalItems: true,
          testSet: { select: { name: true, benchmark: { select: { name: true } } } },
          submissionSet: { select: { submission: { select: { version: true, model: { select: { name: true, method: true } } } } } },
          referenceSubmissionSet: { select: { submission: { select: { version: true, model: { select: { name: true, method: true } } } } } },
        },
      },
    },
  });
  if (!run) return null;
  const since = new Date(Date.now() - 60_000);
  const [perSet, totals, lastMinute, errors, partial] = await Promise.all([
    db().runItem.groupBy({ by: ["runSetId", "status"], where: { runId }, _count: { _all: true } }),
    judgmentTotals(runId),
    db().judgment.count({ where: { runId, fn: { not: null }, cachedFromId: null, createdAt: { gte: since } } }),
    db().runItem.findMany({ where: { runId, status: "ERROR" }, orderBy: [{ queryId: "asc" }, { round: "asc" }], take: 100, select: { id: true, queryId: true, round: true, error: true, runSet: { select: { testSet: { select: { name: true } } } } } }),
    run.status === "COMPLETED" ? Promise.resolve(undefined) : computeRunResults(runId),
  ]);
  const sets = [...run.sets]
    .sort((a, b) => TEST_SETS.indexOf(a.testSet.name as never) - TEST_SETS.indexOf(b.testSet.name as never))
    .map((set) => ({
      ...set,
      progress: countsFrom(perSet.filter((row) => row.runSetId === set.id)),
      result: set.result ?? partial?.get(set.id) ?? null,
      partial: set.result === null,
    }));
  const progress = countsFrom(
    ["PENDING", "DONE", "ERROR"].map((status) => ({ status, _count: { _all: perSet.filter((row) => row.status === status).reduce((sum, row) => sum + row._count._all, 0) } })),
  );

  return { ...run, sets, progress, totals, callsPerMinute: lastMinute, errors };
};

/** A run's items (at most 2000), optionally of one test set, for browsing outcomes. */
export const listRunItems = ({ runId, testSet }: { runId: string; testSet?: string }) =>
  db().runItem.findMany({
    where: { runId, ...(testSet ? { runSet: { testSet: { name: testSet } } } : {}) },
    orderBy: [{ queryId: "asc" }, { round: "asc" }],
    take: 2000,
    select: { id: true, queryId: true, round: true, status: true, outcome: true, runSet: { select: { testSet: { select: { name: true } } } } },
  });

/** The trace of one item: its stored judgments in order, with the judge's reasons. */
export const getItemTrace = (itemId: string) =>
  db().runItem.findUnique({
    where: { id: itemId },
    select: {
      id: true, queryId: true, round: true, status: true, outcome: true, detail: true, error: true,
      judgments: { orderBy: { createdAt: "asc" }, select: { stage: true, fn: true, verdict: true, reason: true, cachedFromId: true, latencyMs: true, attempts: true, promptTokens: true, completionTokens: true } },
    },
  });

/** Models with the test sets of each stored version, for choosing what a run evaluates. */
export const listModelChoices = async () => {
  const models = await db().model.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true, method: true, isDemo: true,
      submissions: { orderBy: { version: "desc" }, select: { version: true, sets: { select: { testSet: { select: { name: true } } } } } },
    },
  });

  return models.map((model) => ({
    name: model.name,
    method: model.method,
    isDemo: model.isDemo,
    versions: model.submissions.map((submission) => ({ version: submission.version, sets: submission.sets.map((set) => set.testSet.name) })),
    sets: [...new Set(model.submissions.flatMap((submission) => submission.sets.map((set) => set.testSet.name)))],
  }));
};
