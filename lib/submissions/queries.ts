import { db } from "../db/client";
import { AppError } from "../errors";
import { TEST_SETS } from "../tooleval/types";

/** Listings of stored submissions for the pages, the API and `tooleval submissions`. */

const setOrder = (name: string) => {
  const index = TEST_SETS.indexOf(name as (typeof TEST_SETS)[number]);

  return index === -1 ? TEST_SETS.length : index;
};
const bySet = <T extends { testSet: string }>(a: T, b: T) => setOrder(a.testSet) - setOrder(b.testSet) || a.testSet.localeCompare(b.testSet);

const SUBMISSION_SELECT = {
  id: true,
  version: true,
  source: true,
  note: true,
  createdAt: true,
  benchmark: { select: { name: true } },
  sets: { select: { id: true, answerCount: true, unknownQueryIds: true, missingCount: true, testSet: { select: { name: true } } } },
} as const;

type SubmissionRow = {
  id: string;
  version: number;
  source: string;
  note: string | null;
  createdAt: Date;
  benchmark: { name: string };
  sets: { id: string; answerCount: number; unknownQueryIds: string[]; missingCount: number; testSet: { name: string } }[];
};

const shapeSubmission = (row: SubmissionRow) => ({
  id: row.id,
  version: row.version,
  source: row.source,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
  benchmark: row.benchmark.name,
  sets: row.sets
    .map((set) => ({ id: set.id, testSet: set.testSet.name, answers: set.answerCount, unknownQueryIds: set.unknownQueryIds, missingCount: set.missingCount }))
    .sort(bySet),
});

export type SubmissionSummary = ReturnType<typeof shapeSubmission>;

/** Every model with its versions (newest first) and their sets; demo models last. */
export const listModelSubmissions = async () => {
  const models = await db().model.findMany({
    orderBy: [{ isDemo: "asc" }, { name: "asc" }],
    select: { name: true, method: true, isDemo: true, submissions: { orderBy: { version: "desc" }, select: SUBMISSION_SELECT } },
  });

  return models.map(({ submissions, ...model }) => ({ ...model, versions: submissions.map(shapeSubmission) }));
};

/** One model with its versions, or NOT_FOUND. */
export const getModelSubmissions = async (name: string) => {
  const model = await db().model.findUnique({
    where: { name },
    select: { name: true, method: true, isDemo: true, description: true, createdAt: true, submissions: { orderBy: { version: "desc" }, select: SUBMISSION_SELECT } },
  });
  if (!model) throw new AppError("NOT_FOUND", `No model named ${name}.`);
  const { submissions, ...rest } = model;

  return { ...rest, versions: submissions.map(shapeSubmission) };
};

/** One submission (a model's version) with per-set counts: GET /api/v1/submissions/:id. */
export const getSubmission = async (id: string) => {
  const row = await db().submission.findUnique({ where: { id }, select: { ...SUBMISSION_SELECT, contentHash: true, model: { select: { name: true, method: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "No such submission.");

  return { ...shapeSubmission(row), model: row.model.name, method: row.model.method, contentHash: row.contentHash };
};

/** `tooleval submissions --json`: models with per-version set counts, benchmarks with query counts. */
export const submissionsListing = async () => {
  const [models, benchmarks] = await Promise.all([
    listModelSubmissions(),
    db().benchmark.findMany({
      orderBy: [{ isDemo: "asc" }, { name: "asc" }],
      select: { name: true, testSets: { orderBy: { position: "asc" }, select: { name: true, _count: { select: { queries: true } } } } },
    }),
  ]);

  return {
    models: models.map((model) => ({
      name: model.name,
      method: model.method,
      versions: model.versions.map((version) => ({
        version: version.version,
        sets: Object.fromEntries(version.sets.map((set) => [set.testSet, { answers: set.answers, unknownQueryIds: set.unknownQueryIds.length }])),
      })),
    })),
    benchmarks: benchmarks.map((benchmark) => ({
      name: benchmark.name,
      sets: Object.fromEntries(benchmark.testSets.map((set) => [set.name, { queries: set._count.queries }])),
    })),
  };
};
