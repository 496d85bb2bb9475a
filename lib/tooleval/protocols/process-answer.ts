import { pySlice } from "../python";
import type { ConvertedAnswerBody } from "../types";

export type ProcessedAnswer = Omit<ConvertedAnswerBody, "method">;

/**
 * `process_answer` of ToolEval's preference flow (spec §3.2): the final answer cut to its first 1000
 * code points, `answer_details` cut to 3000 entries (a no-op on single-root trees) and `method`
 * removed, keeping the remaining keys in their order. Returns a copy.
 */
export const processAnswer = (answer: ConvertedAnswerBody): ProcessedAnswer => {
  const copy: Record<string, unknown> = structuredClone(answer);
  copy.final_answer = pySlice(answer.final_answer, 1000);
  copy.answer_details = ((copy.answer_details as unknown[] | undefined) ?? []).slice(0, 3000);
  delete copy.method;

  return copy as ProcessedAnswer;
};

/** `process_tools` (spec §3.2): each tool object loses `description` and `parameters`. Returns a copy. */
export const processTools = (tools: unknown[]): unknown[] =>
  tools.map((tool) => {
    if (tool === null || typeof tool !== "object" || Array.isArray(tool)) return tool;
    const { description: _description, parameters: _parameters, ...rest } = tool as Record<string, unknown>;

    return rest;
  });
