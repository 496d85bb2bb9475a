import { pyStr } from "./python";
import type { AnswerNode, ConvertedAnswerBody } from "./types";

export type RenderedSteps = { answerSteps: string; finalStep: string };

/**
 * ToolEval's `get_steps` (spec §1.5): walk the first branch of the answer tree and render every
 * `tool` node with a truthy message as `Step k: <str(message)>`; the last one is also the final step.
 * The result strings are stored in result files and drive the "no Finish" shortcut.
 */
export const renderSteps = (answer: Pick<ConvertedAnswerBody, "answer_details">): RenderedSteps => {
  const steps: string[] = [];
  let finalStep = "";
  let node: AnswerNode | undefined = answer.answer_details[0];
  while (node) {
    if (node.role === "tool" && isTruthy(node.message)) {
      const line = pyStr(node.message);
      steps.push(`Step ${steps.length + 1}: ${line}`);
      finalStep = `Final step: ${line}`;
    }
    node = node.next[0];
  }

  return { answerSteps: steps.join("\n"), finalStep };
};

/** Python truthiness of a JSON value. */
const isTruthy = (value: unknown): boolean => {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value as object).length > 0;

  return true;
};

/** The literal test ToolEval applies to the final step: the last tool call on the path is `Finish`. */
export const endsWithFinish = (finalStep: string): boolean => finalStep.includes("'name': 'Finish'");
