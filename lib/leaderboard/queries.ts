import { db } from "../db/client";
import { passRateSetResultSchema, preferenceSetResultSchema } from "../runs/results";
import type { BoardEntry } from "./board";
import { groupBoards, type Board, type KeyedEntry } from "./boards";

const parseResult = (kind: string, value: unknown): BoardEntry["result"] | undefined => {
  if (kind === "preference") {
    const parsed = preferenceSetResultSchema.safeParse(value);

    return parsed.success ? { kind, value: parsed.data } : undefined;
  }
  const parsed = passRateSetResultSchema.safeParse(value);

  return parsed.success ? { kind: "pass_rate", value: parsed.data } : undefined;
};

/** Every leaderboard: the stored set results of completed runs, grouped into comparable boards. */
export const getBoards = async (): Promise<Board[]> => {
  const runSets = await db().runSet.findMany({
    where: { run: { status: "COMPLETED" }, result: { not: { equals: null } } },
    select: {
      result: true,
      run: { select: { id: true, kind: true, protocol: true, judgeName: true, isDemo: true, finishedAt: true, createdAt: true } },
      testSet: { select: { name: true, benchmark: { select: { name: true, isDemo: true } } } },
      submissionSet: { select: { submission: { select: { version: true, model: { select: { name: true, method: true, isDemo: true } } } } } },
      referenceSubmissionSet: { select: { submission: { select: { model: { select: { name: true } } } } } },
    },
  });
  const entries: KeyedEntry[] = [];
  for (const runSet of runSets) {
    const { run, testSet, submissionSet } = runSet;
    const { model, version } = submissionSet.submission;
    const result = parseResult(run.kind, runSet.result);
    if (!result) continue;
    entries.push({
      key: {
        benchmark: testSet.benchmark.name,
        kind: result.kind,
        protocol: run.protocol,
        judge: run.judgeName ?? "rules",
        reference: runSet.referenceSubmissionSet?.submission.model.name ?? null,
      },
      benchmarkIsDemo: testSet.benchmark.isDemo,
      model: model.name,
      method: model.method,
      isDemo: model.isDemo || run.isDemo,
      testSet: testSet.name,
      version,
      runId: run.id,
      finishedAt: run.finishedAt ?? run.createdAt,
      result,
    });
  }

  return groupBoards(entries);
};
