import { db } from "../db/client";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { hashCanonical } from "../tooleval/canonical-json";
import type { AnalyzedSet } from "./analyze";
import { solutionPathRow } from "./solution-path-row";
import { readStagedSet } from "./staged-sets";

export type SubmissionSource = "upload" | "api" | "cli";

export type StoredSet = { testSet: string; status: "stored" | "unchanged"; version: number; answers: number };

export type StoreResult = {
  submission: { id: string; model: string; method: string; version: number; benchmark: string };
  /** True when every set equals the model's latest stored version of it: nothing was written. */
  deduplicated: boolean;
  sets: StoredSet[];
};

/** Big uploads insert thousands of rows; the default 5 s interactive-transaction timeout is for requests. */
const TRANSACTION = { timeout: 15 * 60_000, maxWait: 60_000 };

type Tx = Prisma.TransactionClient;

const insertAnswers = async ({ tx, dir, set, submissionSetId }: { tx: Tx; dir: string; set: AnalyzedSet; submissionSetId: string }) => {
  for await (const batch of readStagedSet({ dir, set })) {
    await tx.solutionPath.createMany({
      data: batch.map(({ q, h, o, a }) => solutionPathRow({ submissionSetId, queryId: q, answer: a, contentHash: h, origin: o })),
    });
  }
};

const findOrCreateModel = async ({ tx, model, method, userId }: { tx: Tx; model: string; method: string; userId: string | null }) => {
  const existing = await tx.model.findUnique({ where: { name: model }, select: { id: true, method: true, isDemo: true } });
  if (existing?.isDemo) throw new AppError("CONFLICT", `${model} is a demo model: choose another name.`, { model: ["Demo model"] });
  if (existing && existing.method !== method) {
    throw new AppError("CONFLICT", `The model ${model} is registered with the method ${existing.method}; store ${method} answers under another model name.`, { method: [`${model} uses ${existing.method}`] });
  }

  return existing ?? (await tx.model.create({ data: { name: model, method, createdById: userId }, select: { id: true, method: true, isDemo: true } }));
};

/**
 * Stores staged sets as a model's next version, in one transaction serialised per model name. A set
 * equal (by content hash) to the model's latest stored version of it is not stored again; when every
 * set is unchanged nothing is written and that existing submission is returned. A model keeps one
 * method: a different method under the same name is a conflict.
 */
export const storeSubmission = async ({
  model,
  method,
  benchmark,
  note,
  source,
  userId,
  dir,
  sets,
}: {
  model: string;
  method: string;
  benchmark: { id: string; name: string };
  note?: string;
  source: SubmissionSource;
  userId: string | null;
  dir: string;
  sets: AnalyzedSet[];
}): Promise<StoreResult> => {
  if (sets.length === 0) throw new AppError("INVALID_INPUT", "Nothing to store: the upload has no answers.");

  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tooleval:model:${model}`}, 0))`;
    const record = await findOrCreateModel({ tx, model, method, userId });
    const testSets = await tx.testSet.findMany({ where: { benchmarkId: benchmark.id, name: { in: sets.map((set) => set.testSet) } }, select: { id: true, name: true } });
    const testSetIds = new Map(testSets.map((set) => [set.name, set.id]));
    const missing = sets.find((set) => !testSetIds.has(set.testSet));
    if (missing) throw new AppError("CONFLICT", `The benchmark ${benchmark.name} no longer has the test set ${missing.testSet}.`);

    const stored = await tx.submissionSet.findMany({
      where: { testSetId: { in: [...testSetIds.values()] }, submission: { modelId: record.id } },
      orderBy: { submission: { version: "desc" } },
      select: { testSetId: true, contentHash: true, submission: { select: { id: true, version: true } } },
    });
    const latest = new Map<string, (typeof stored)[number]>();
    for (const row of stored) if (!latest.has(row.testSetId)) latest.set(row.testSetId, row);
    const unchanged = (set: AnalyzedSet) => latest.get(testSetIds.get(set.testSet)!)?.contentHash === set.contentHash;
    const reported = (set: AnalyzedSet, version: number): StoredSet => ({
      testSet: set.testSet,
      status: unchanged(set) ? "unchanged" : "stored",
      version: unchanged(set) ? latest.get(testSetIds.get(set.testSet)!)!.submission.version : version,
      answers: set.answers,
    });

    if (sets.every(unchanged)) {
      const newest = sets.map((set) => latest.get(testSetIds.get(set.testSet)!)!.submission).sort((a, b) => b.version - a.version)[0]!;

      return {
        submission: { id: newest.id, model, method: record.method, version: newest.version, benchmark: benchmark.name },
        deduplicated: true,
        sets: sets.map((set) => reported(set, newest.version)),
      };
    }

    const { _max } = await tx.submission.aggregate({ where: { modelId: record.id }, _max: { version: true } });
    const version = (_max.version ?? 0) + 1;
    const submission = await tx.submission.create({
      data: {
        modelId: record.id,
        benchmarkId: benchmark.id,
        version,
        source,
        note: note || null,
        createdById: userId,
        contentHash: hashCanonical(sets.map((set) => [set.testSet, set.contentHash]).sort()),
      },
      select: { id: true },
    });
    for (const set of sets.filter((candidate) => !unchanged(candidate))) {
      const row = await tx.submissionSet.create({
        data: {
          submissionId: submission.id,
          testSetId: testSetIds.get(set.testSet)!,
          contentHash: set.contentHash,
          answerCount: set.answers,
          unknownQueryIds: set.unknownQueryIds,
          missingCount: set.missingCount,
        },
        select: { id: true },
      });
      await insertAnswers({ tx, dir, set, submissionSetId: row.id });
    }

    return {
      submission: { id: submission.id, model, method: record.method, version, benchmark: benchmark.name },
      deduplicated: false,
      sets: sets.map((set) => reported(set, version)),
    };
  }, TRANSACTION);
};
