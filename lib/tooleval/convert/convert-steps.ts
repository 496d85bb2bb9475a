import type { AnswerNode } from "../types";

/** One node of the converted path before it is nested into `answer_details`. */
export type ConversionStep = { role: string; message: unknown };

/** Reports a conversion failure at a JSON path of the raw answer; never returns. */
export type FailAt = (path: string, message: string) => never;

/**
 * Nests a path into ToolEval's `answer_details` chain. The system prompt and the query open every
 * path but are blanked in the converted file (spec §1.3), so they are added here as empty nodes.
 */
export const buildAnswerDetails = (steps: readonly ConversionStep[]): { details: AnswerNode[]; totalSteps: number } => {
  const chain: ConversionStep[] = [{ role: "system", message: "" }, { role: "user", message: "" }, ...steps];
  const root = chain.reduceRight<AnswerNode | undefined>(
    (next, { role, message }) => ({ role, message, next: next ? [next] : [] }),
    undefined,
  )!;

  return { details: [root], totalSteps: chain.length };
};
