import crypto from "node:crypto";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { PassRateSetResult, PreferenceSetResult } from "./results";
import { summarizePassRate, summarizePreference, type ItemOutcome } from "./summarize";

/** One judged query × round of a ToolEval result file. */
export type ImportedItem = {
  queryId: string;
  round: number;
  /** Solved/Unsure/Unsolved (sopr), passed/failed (toolbench), candidate/reference/tie (preference). */
  outcome: string;
  candidateId: string | null;
  referenceId?: string | null;
  detail?: Prisma.InputJsonValue;
};

export type ImportedRun = {
  kind: "pass_rate" | "preference";
  protocol: "sopr" | "toolbench" | "preference";
  judgeName: string;
  evaluateTimes: number;
  /** Where the numbers came from (file name, format, content hash); kept in EvalRun.options. */
  source: { file: string; format: string; sha256: string } & Record<string, Prisma.InputJsonValue>;
  createdById: string | null;
  testSetId: string;
  submissionSetId: string;
  referenceSubmissionSetId?: string | null;
  /** Pass rate: the number of test ids of the set (the result's `total`). */
  total: number;
  /** Preference: the compared query ids (the win rate's N). */
  queryIds: string[];
  items: ImportedItem[];
};

const BATCH = 500;

const summarize = (run: ImportedRun): PassRateSetResult | PreferenceSetResult => {
  const outcomes: ItemOutcome[] = run.items.map((item) => ({ queryId: item.queryId, round: item.round, status: "DONE", outcome: item.outcome, answered: true }));

  return run.kind === "preference"
    ? summarizePreference({ items: outcomes, queryIds: run.queryIds })
    : summarizePassRate({ protocol: run.protocol, items: outcomes, total: run.total, evaluateTimes: run.evaluateTimes });
};

/**
 * Records judgments that were made outside the app (ToolEval result files) as a completed run:
 * imported, no judge configuration, the judge name the user gave, one DONE item per query × round
 * with one "imported" judgment each, and the set result computed by the same summaries as judged
 * runs. Importing the same file for the same answers again returns the run recorded the first time.
 */
export const writeImportedRun = async (run: ImportedRun) => {
  const previous = await db().evalRun.findFirst({
    where: {
      imported: true,
      judgeName: run.judgeName,
      protocol: run.protocol,
      options: { path: ["source", "sha256"], equals: run.source.sha256 },
      sets: { some: { submissionSetId: run.submissionSetId, referenceSubmissionSetId: run.referenceSubmissionSetId ?? null } },
    },
    select: { id: true, sets: { select: { result: true } } },
  });
  if (previous) return { runId: previous.id, result: previous.sets[0]?.result as PassRateSetResult | PreferenceSetResult, deduplicated: true };

  const result = summarize(run);
  const runId = await db().$transaction(
    async (tx) => {
      const now = new Date();
      const created = await tx.evalRun.create({
        data: {
          kind: run.kind,
          protocol: run.protocol,
          status: "COMPLETED",
          judgeConfigId: null,
          judgeName: run.judgeName,
          evaluateTimes: run.evaluateTimes,
          seed: 0,
          imported: true,
          options: { source: run.source },
          totalItems: run.items.length,
          doneItems: run.items.length,
          createdById: run.createdById,
          startedAt: now,
          finishedAt: now,
        },
        select: { id: true },
      });
      const runSet = await tx.runSet.create({
        data: {
          runId: created.id,
          testSetId: run.testSetId,
          submissionSetId: run.submissionSetId,
          referenceSubmissionSetId: run.referenceSubmissionSetId ?? null,
          totalItems: run.items.length,
          result: result as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      const reason = `imported from ${run.source.file}`;
      for (let start = 0; start < run.items.length; start += BATCH) {
        const batch = run.items.slice(start, start + BATCH).map((item) => ({ ...item, id: crypto.randomUUID() }));
        await tx.runItem.createMany({
          data: batch.map(({ id, queryId, round, outcome, candidateId, referenceId, detail }) => ({
            id,
            runId: created.id,
            runSetId: runSet.id,
            queryId,
            round,
            candidateId,
            referenceId: referenceId ?? null,
            status: "DONE",
            outcome,
            detail,
          })),
        });
        await tx.judgment.createMany({
          data: batch.map((item) => ({ runItemId: item.id, runId: created.id, stage: "imported", fn: null, verdict: item.outcome, reason })),
        });
      }

      return created.id;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );

  return { runId, result, deduplicated: false };
};
