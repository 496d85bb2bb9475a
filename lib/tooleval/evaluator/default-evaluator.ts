import { parseFunctionTemplates } from "./parse-template";
import { DEFAULT_TEMPLATE } from "./default-template";
import type { EvaluatorConfig, JudgeFunctionSchema } from "./types";

const statusFunction = (name: string, description: string, argument: string, values: string[], meaning: string): JudgeFunctionSchema => ({
  name,
  description,
  parameters: {
    type: "object",
    properties: { [argument]: { type: "string", enum: values, description: meaning } },
    required: [argument],
  },
});

const ANSWER_STATUSES = ["Unsure", "Unsolved", "Solved"];

/**
 * The project's default judge: ToolEval's protocol class and settings (same four functions, argument
 * names and enums, same placeholders) with prompts and descriptions written by this project. The model
 * is a placeholder that callers normally override (`--judge-model` / `EVAL_MODEL`).
 */
export const DEFAULT_EVALUATOR: EvaluatorConfig = {
  name: "tooleval-default",
  className: "ReinforceToolLearningEvaluator",
  fnCompletions: "normalized_openai_completions",
  model: "gpt-4o-mini",
  maxTokens: 1000,
  temperature: 0.2,
  timeoutSeconds: 60,
  extraParams: {},
  functions: {
    check_answer_status: statusFunction(
      "check_answer_status",
      "Report whether the final reply fulfils the user's request.",
      "answer_status",
      ANSWER_STATUSES,
      "Solved, Unsolved, or Unsure when the reply alone is not enough to tell.",
    ),
    parse_answer_status: statusFunction(
      "parse_answer_status",
      "Report whether the reply, checked against its tool calls, fulfils the user's request.",
      "answer_status",
      ANSWER_STATUSES,
      "Solved, Unsolved, or Unsure when the tool responses cannot confirm the reply.",
    ),
    check_task_solvable: statusFunction(
      "check_task_solvable",
      "Report whether the request can be fulfilled with the given tools.",
      "task_status",
      ["Unsure", "Unsolvable", "Solvable"],
      "Solvable, Unsolvable, or Unsure when no conclusion is possible.",
    ),
    select_better_answer: {
      name: "select_better_answer",
      description: "Report which of the two records is better; the order in which they were shown must not matter.",
      parameters: {
        type: "object",
        properties: { index: { type: "number", description: "0 for Answer_0, 1 for Answer_1." } },
        required: ["index"],
      },
    },
  },
  templates: parseFunctionTemplates(DEFAULT_TEMPLATE),
  messages: [],
  supported: true,
};
