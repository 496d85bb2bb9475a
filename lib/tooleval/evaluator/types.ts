import type { JudgeFunctionName } from "../types";

/** A JSON-schema property of a judge function argument, as written in an evaluator's config.yaml. */
export type JudgeArgumentSchema = {
  type?: string;
  enum?: unknown[];
  description?: string;
  [key: string]: unknown;
};

/** One OpenAI function schema from `completions_kwargs.functions` (spec §4.3). */
export type JudgeFunctionSchema = {
  name: string;
  description?: string;
  parameters: {
    type: string;
    properties: Record<string, JudgeArgumentSchema>;
    required?: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** A `<message>` block of a message template (only the legacy `fn` evaluator has these). */
export type TemplateMessage = { role: string; content: string };

/**
 * A judge configuration: what ToolEval reads from an evaluator folder (`config.yaml` + template), or the
 * project's own default. `supported` tells whether the pass-rate / preference protocols can judge with
 * it: only ToolEval's default protocol (`ReinforceToolLearningEvaluator`) is implemented, as the other
 * classes crash in current ToolEval too (spec §3.6).
 */
export type EvaluatorConfig = {
  name: string;
  className: string;
  fnCompletions: string;
  model: string;
  maxTokens?: number;
  temperature?: number;
  timeoutSeconds?: number;
  /** Other `completions_kwargs` keys; ToolEval forwards them to the API unchanged. */
  extraParams: Record<string, unknown>;
  /** Function schemas by name, in file order. */
  functions: Record<string, JudgeFunctionSchema>;
  /** Function prompt templates: function name → TEXT between the description tags. */
  templates: Record<string, string>;
  messages: TemplateMessage[];
  supported: boolean;
  unsupportedReason?: string;
};

/** The judge functions a default-protocol evaluator must define, with their template placeholders. */
export const REQUIRED_PLACEHOLDERS: Record<JudgeFunctionName, string[]> = {
  check_answer_status: ["query", "answer"],
  parse_answer_status: ["query", "answer"],
  check_task_solvable: ["task"],
  select_better_answer: ["query", "answer_0", "answer_1"],
};
