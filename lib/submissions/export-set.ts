import { db } from "../db/client";
import { AppError } from "../errors";
import type { AnswerNode, ConvertedAnswer } from "../tooleval/types";

const BATCH = 100;

const numeric = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

type PathRow = {
  queryId: string;
  queryText: string;
  method: string;
  totalSteps: number;
  finalAnswer: string;
  answerDetails: unknown;
  availableTools: unknown;
};

/** A stored solution path as ToolEval's converted answer (spec §1.3), keys in ToolEval's order. */
export const toConvertedAnswer = (row: PathRow): ConvertedAnswer => ({
  query: row.queryText,
  available_tools: row.availableTools as unknown[],
  answer: { method: row.method, total_steps: row.totalSteps, final_answer: row.finalAnswer, answer_details: row.answerDetails as AnswerNode[] },
});

const PATH_SELECT = { queryId: true, queryText: true, method: true, totalSteps: true, finalAnswer: true, answerDetails: true, availableTools: true } as const;

/** The stored set of a submission for a test set, or NOT_FOUND. */
export const findSubmissionSet = async ({ submissionId, testSet }: { submissionId: string; testSet: string }) => {
  const set = await db().submissionSet.findFirst({
    where: { submissionId, testSet: { name: testSet } },
    select: { id: true, testSet: { select: { name: true } }, submission: { select: { version: true, model: { select: { name: true } } } } },
  });
  if (!set) throw new AppError("NOT_FOUND", `This submission has no answers for ${testSet}.`);

  return { id: set.id, testSet: set.testSet.name, version: set.submission.version, model: set.submission.model.name };
};

/**
 * A stored set as ToolEval's converted file `{model}/{test_set}.json` (an object keyed by query id, in
 * numeric id order), produced a batch of answers at a time so a large set is never built in memory.
 */
export async function* exportConvertedSet({ submissionSetId }: { submissionSetId: string }): AsyncGenerator<string> {
  const ids = await db().solutionPath.findMany({ where: { submissionSetId }, select: { id: true, queryId: true } });
  ids.sort((a, b) => numeric(a.queryId, b.queryId));
  yield "{";
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    const rows = await db().solutionPath.findMany({ where: { id: { in: slice.map((row) => row.id) } }, select: PATH_SELECT });
    const byId = new Map(rows.map((row) => [row.queryId, row]));
    yield slice
      .map(({ queryId }, index) => `${start + index === 0 ? "" : ", "}${JSON.stringify(queryId)}: ${JSON.stringify(toConvertedAnswer(byId.get(queryId)!))}`)
      .join("");
  }
  yield "}";
}

/** Query ids of a stored set, numerically ordered (for picking a solution path to read). */
export const listSetQueryIds = async ({ submissionSetId }: { submissionSetId: string }) =>
  (await db().solutionPath.findMany({ where: { submissionSetId }, select: { queryId: true } })).map((row) => row.queryId).sort(numeric);

/** One stored solution path with its origin, or null. */
export const getSolutionPath = async ({ submissionSetId, queryId }: { submissionSetId: string; queryId: string }) => {
  const row = await db().solutionPath.findUnique({ where: { submissionSetId_queryId: { submissionSetId, queryId } }, select: { ...PATH_SELECT, origin: true, contentHash: true } });

  return row ? { queryId: row.queryId, origin: row.origin, contentHash: row.contentHash, answer: toConvertedAnswer(row) } : null;
};
