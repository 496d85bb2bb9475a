import { hashCanonical } from "../canonical-json";
import type { JudgeCall } from "../types";
import { pyFormat } from "./py-format";
import type { EvaluatorConfig, JudgeFunctionSchema } from "./types";

/**
 * How the forced function call is expressed: `tools` + `tool_choice` (StableToolEval, current API) or
 * the legacy `functions` + `function_call` (ToolBench's ToolEval v1).
 */
export type ApiStyle = "tools" | "functions";

export type JudgeRequest = {
  /** The chat-completions request body, exactly as sent. */
  body: Record<string, unknown>;
  /** The function schema offered, with `reason` when requested. */
  schema: JudgeFunctionSchema;
  /** The user message content (the formatted template). */
  content: string;
  /** Per-request timeout from the evaluator config, if any. */
  timeoutMs?: number;
  /** sha256 of the canonical JSON of `body`: identical requests share it, whatever the key order. */
  hash: string;
};

/** The argument ToolEval appends when it asks for a reason (spec §4.2). */
const REASON_PROPERTY = { type: "string", description: "explain your answer." };

/** A deep copy of a function's schema, with the required `reason` string appended when requested. */
export const functionSchemaFor = ({ evaluator, fn, withReason }: { evaluator: EvaluatorConfig; fn: string; withReason: boolean }): JudgeFunctionSchema => {
  const original = evaluator.functions[fn];
  if (!original) throw new Error(`Evaluator "${evaluator.name}" has no function "${fn}"`);
  const schema = structuredClone(original);
  if (!withReason) return schema;
  const required = schema.parameters.required ?? [];
  schema.parameters.required = required.includes("reason") ? required : [...required, "reason"];
  schema.parameters.properties.reason = { ...REASON_PROPERTY };

  return schema;
};

/**
 * Builds the request ToolEval sends for one judge call (spec §4.2): the config's model, max_tokens and
 * temperature (plus any other completion kwargs), exactly one user message holding the formatted
 * template and no system message, and the single forced function. `model` overrides the config's
 * model, as ToolEval's `EVAL_MODEL` does.
 */
export const buildJudgeRequest = ({
  evaluator,
  call: { fn, vars, withReason },
  apiStyle = "tools",
  model,
}: {
  evaluator: EvaluatorConfig;
  call: Pick<JudgeCall, "fn" | "vars" | "withReason">;
  apiStyle?: ApiStyle;
  model?: string;
}): JudgeRequest => {
  const template = evaluator.templates[fn];
  if (template === undefined) throw new Error(`Evaluator "${evaluator.name}" has no template for "${fn}"`);
  const schema = functionSchemaFor({ evaluator, fn, withReason });
  const content = pyFormat(template, vars);
  const base: Record<string, unknown> = {
    model: model ?? evaluator.model,
    ...(evaluator.maxTokens === undefined ? {} : { max_tokens: evaluator.maxTokens }),
    ...(evaluator.temperature === undefined ? {} : { temperature: evaluator.temperature }),
    ...evaluator.extraParams,
  };
  const forced =
    apiStyle === "tools"
      ? { tools: [{ type: "function", function: schema }], tool_choice: { type: "function", function: { name: fn } } }
      : { functions: [schema], function_call: { name: fn } };
  const body = { ...base, ...forced, messages: [{ role: "user", content }] };

  return {
    body,
    schema,
    content,
    timeoutMs: evaluator.timeoutSeconds === undefined ? undefined : evaluator.timeoutSeconds * 1000,
    hash: hashCanonical(body),
  };
};
