import { db } from "../db/client";
import { AppError } from "../errors";
import { hashCanonical } from "../tooleval/canonical-json";
import { enqueuePending } from "./enqueue";
import type { CreateRunInput } from "./schemas";

type Side = { model: string; version?: number };

const ITEM_BATCH = 2000;

/**
 * The answers a run evaluates for one test set: the model's newest version holding that set (or
 * the newest up to `version`). Versions may hold only some sets, so each set resolves on its own.
 */
export const resolveSubmissionSet = async ({ model, version }: Side, testSet: string) => {
  const found = await db().submissionSet.findFirst({
    where: { testSet: { name: testSet }, submission: { model: { name: model }, ...(version ? { version: { lte: version } } : {}) } },
    orderBy: { submission: { version: "desc" } },
    select: { id: true, testSetId: true, submission: { select: { version: true, benchmarkId: true } } },
  });
  if (!found) {
    const exists = await db().model.findUnique({ where: { name: model }, select: { id: true } });
    throw new AppError(
      exists ? "INVALID_INPUT" : "NOT_FOUND",
      exists ? `${model}${version ? ` (version ${version} or older)` : ""} has no answers for ${testSet}.` : `No model named "${model}".`,
    );
  }

  return found;
};

/** The query ids a pairwise comparison covers: the test set's ids, or the answers of either side. */
const pairQueryIds = async (testSetId: string, candidateSetId: string, referenceSetId: string) => {
  const queries = await db().query.findMany({ where: { testSetId }, select: { queryId: true } });
  if (queries.length > 0) return queries.map((query) => query.queryId);
  const answers = await db().solutionPath.findMany({ where: { submissionSetId: { in: [candidateSetId, referenceSetId] } }, select: { queryId: true } });

  return [...new Set(answers.map((answer) => answer.queryId))];
};

export type PlannedSet = { testSetId: string; submissionSetId: string; referenceSubmissionSetId: string | null; items: { queryId: string; candidateId: string | null; referenceId: string | null }[] };

const planSet = async (input: CreateRunInput, testSet: string): Promise<PlannedSet> => {
  const candidate = await resolveSubmissionSet(input.candidate, testSet);
  const answers = await db().solutionPath.findMany({ where: { submissionSetId: candidate.id }, select: { id: true, queryId: true } });
  if (input.protocol !== "preference") {
    return { testSetId: candidate.testSetId, submissionSetId: candidate.id, referenceSubmissionSetId: null, items: answers.map((a) => ({ queryId: a.queryId, candidateId: a.id, referenceId: null })) };
  }
  const reference = await resolveSubmissionSet(input.reference!, testSet);
  const referenceAnswers = await db().solutionPath.findMany({ where: { submissionSetId: reference.id }, select: { id: true, queryId: true } });
  const byQuery = (rows: { id: string; queryId: string }[]) => new Map(rows.map((row) => [row.queryId, row.id]));
  const [candidates, references] = [byQuery(answers), byQuery(referenceAnswers)];
  const ids = await pairQueryIds(candidate.testSetId, candidate.id, reference.id);

  return {
    testSetId: candidate.testSetId,
    submissionSetId: candidate.id,
    referenceSubmissionSetId: reference.id,
    items: ids.map((queryId) => ({ queryId, candidateId: candidates.get(queryId) ?? null, referenceId: references.get(queryId) ?? null })),
  };
};

/**
 * What identifies a run's work: same protocol, judge, answers, rounds, seed and options. The CLI
 * uses it to continue an interrupted run instead of starting over.
 */
export const runFingerprint = (input: CreateRunInput, sets: PlannedSet[]) =>
  hashCanonical({
    protocol: input.protocol,
    judge: input.judgeConfigId ?? null,
    evaluateTimes: input.protocol === "rules" ? 1 : input.evaluateTimes,
    seed: input.seed,
    options: input.options,
    sets: sets.map((set) => [set.testSetId, set.submissionSetId, set.referenceSubmissionSetId]),
  });

/** The answers (and pairs) each test set of a prospective run covers. */
export const planRun = async (input: CreateRunInput): Promise<PlannedSet[]> => {
  const sets: PlannedSet[] = [];
  for (const testSet of input.testSets) sets.push(await planSet(input, testSet));

  return sets;
};

/**
 * Records a run with one item per query and round (in one transaction) and sends its items to the
 * workers. The judging itself happens in the workers; this only validates, records and enqueues.
 */
export const createRun = async (input: CreateRunInput, { userId }: { userId?: string } = {}) => {
  const evaluateTimes = input.protocol === "rules" ? 1 : input.evaluateTimes;
  const sets = await planRun(input);
  const judge = input.judgeConfigId
    ? await db().judgeConfig.findUnique({ where: { id: input.judgeConfigId }, select: { id: true, name: true, archivedAt: true } })
    : null;
  if (input.judgeConfigId && (!judge || judge.archivedAt)) throw new AppError("NOT_FOUND", "No such judge configuration.");
  const fingerprint = runFingerprint(input, sets);

  const run = await db().$transaction(
    async (tx) => {
      const created = await tx.evalRun.create({
        data: {
          kind: input.protocol === "preference" ? "preference" : "pass_rate",
          protocol: input.protocol,
          judgeConfigId: input.protocol === "rules" ? null : (judge?.id ?? null),
          judgeName: input.protocol === "rules" ? "rules" : (judge?.name ?? null),
          evaluateTimes,
          seed: input.seed,
          options: input.options,
          budgetUsd: input.budgetUsd ?? null,
          fingerprint,
          createdById: userId ?? null,
          totalItems: sets.reduce((sum, set) => sum + set.items.length * evaluateTimes, 0),
        },
        select: { id: true },
      });
      for (const set of sets) {
        const runSet = await tx.runSet.create({
          data: {
            runId: created.id,
            testSetId: set.testSetId,
            submissionSetId: set.submissionSetId,
            referenceSubmissionSetId: set.referenceSubmissionSetId,
            totalItems: set.items.length * evaluateTimes,
          },
          select: { id: true },
        });
        const rows = Array.from({ length: evaluateTimes }, (_, round) => set.items.map((item) => ({ runId: created.id, runSetId: runSet.id, round, ...item }))).flat();
        // In batches: Prisma splits a large createMany into statements it sends concurrently on the
        // transaction's single connection, which pg deprecates.
        for (let start = 0; start < rows.length; start += ITEM_BATCH) await tx.runItem.createMany({ data: rows.slice(start, start + ITEM_BATCH) });
      }

      return created;
    },
    { timeout: 120_000 },
  );
  await enqueuePending(run.id);

  return run;
};

/** An unfinished run with the same work, if any (to continue it rather than start over). */
export const findResumableRun = async (input: CreateRunInput) => {
  const sets = await planRun(input);

  return db().evalRun.findFirst({
    where: { fingerprint: runFingerprint(input, sets), status: { in: ["QUEUED", "RUNNING", "PAUSED", "CANCELLED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true },
  });
};
