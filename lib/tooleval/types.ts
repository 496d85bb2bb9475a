/**
 * The vocabulary of ToolEval shared by every engine module (spec §1.3, §2.4). Plain types only:
 * the zod schemas that validate files live in `formats/`.
 */

/** The six test groups, in ToolEval's code order (spec §1.7). */
export const TEST_SETS = [
  "G1_instruction",
  "G1_category",
  "G1_tool",
  "G2_instruction",
  "G2_category",
  "G3_instruction",
] as const;
export type TestSetName = (typeof TEST_SETS)[number];

/** The message of a `tool` node after conversion: the call and the raw observation text. */
export type ToolMessage = { name: string; arguments: string; response: string };

/**
 * One node of a converted answer tree. `message` is `""` for system/user nodes, the thought text for
 * `assistant`, a {@link ToolMessage} for `tool` (or its Python repr string in the legacy format), and
 * the raw tree node for the rare `Action` / `Action Input` roles that survive DFS purification.
 */
export type AnswerNode = { role: string; message: unknown; next: AnswerNode[] };

export type ConvertedAnswerBody = {
  method: string;
  total_steps: number;
  final_answer: string;
  answer_details: AnswerNode[];
};

/** One query's converted answer: the input of every evaluator. */
export type ConvertedAnswer = {
  query: string;
  available_tools: unknown[];
  answer: ConvertedAnswerBody;
};

/** A converted answer file `{model}/{test_set}.json`: query id → answer. */
export type ConvertedAnswerFile = Record<string, ConvertedAnswer>;

export const ANSWER_STATUSES = ["Unsure", "Unsolved", "Solved"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const TASK_STATUSES = ["Unsure", "Unsolvable", "Solvable"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ANSWER_PASSES = ["Unsure", "Failed", "Passed"] as const;
export type AnswerPass = (typeof ANSWER_PASSES)[number];

/** The four judge functions of ToolEval's default evaluator (spec §4.3). */
export const JUDGE_FUNCTIONS = [
  "check_answer_status",
  "parse_answer_status",
  "check_task_solvable",
  "select_better_answer",
] as const;
export type JudgeFunctionName = (typeof JUDGE_FUNCTIONS)[number];

/**
 * One request to the judge as the protocols see it: which function, the template variables, whether
 * the `reason` argument is requested, and a stage key that is unique within one item and round
 * (for example `check_answer_status` or `candidate:parse_answer_status`). Stage keys let a durable
 * runner store each call once and replay it after a restart.
 */
export type JudgeCall = {
  fn: JudgeFunctionName;
  vars: Record<string, string>;
  withReason: boolean;
  stage: string;
};

/** The validated arguments the judge returned for its forced function call. */
export type JudgeReply = { args: Record<string, unknown>; reason?: string };

/** The judge as injected into the protocols. Throws `JudgeError` when every attempt failed. */
export type Judge = (call: JudgeCall) => Promise<JudgeReply>;
