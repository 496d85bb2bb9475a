import type { Prisma } from "../generated/prisma/client";
import { hashCanonical } from "../tooleval/canonical-json";
import type { ConvertedAnswer } from "../tooleval/types";

/**
 * The solution_paths row of a converted answer: the one mapping from ToolEval's converted format to
 * the table (the run workers map it back in lib/runs/execute/load-chunk.ts).
 */
export const solutionPathRow = ({
  submissionSetId,
  queryId,
  answer,
  contentHash = hashCanonical(answer),
  origin,
}: {
  submissionSetId: string;
  queryId: string;
  answer: ConvertedAnswer;
  contentHash?: string;
  origin?: Prisma.InputJsonValue;
}) => ({
  submissionSetId,
  queryId,
  queryText: answer.query,
  method: answer.answer.method,
  totalSteps: answer.answer.total_steps,
  finalAnswer: answer.answer.final_answer,
  answerDetails: answer.answer.answer_details as Prisma.InputJsonValue,
  availableTools: answer.available_tools as Prisma.InputJsonValue,
  contentHash,
  origin,
});
