import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { JUDGE_FUNCTIONS } from "../types";
import { parseFunctionTemplates, parseMessageTemplates } from "./parse-template";
import { templatePlaceholders } from "./py-format";
import { REQUIRED_PLACEHOLDERS, type EvaluatorConfig, type JudgeFunctionSchema } from "./types";

const DEFAULT_CLASS = "ReinforceToolLearningEvaluator";
const DEFAULT_COMPLETIONS = "normalized_openai_completions";

/** The argument each default-protocol function must return (spec §4.3). */
const RESULT_ARGUMENT = {
  check_answer_status: "answer_status",
  parse_answer_status: "answer_status",
  check_task_solvable: "task_status",
  select_better_answer: "index",
} as const;

const functionSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.looseObject({
    type: z.string(),
    properties: z.record(z.string(), z.looseObject({})),
    required: z.array(z.string()).optional(),
  }),
});

const configSchema = z.looseObject({
  evaluator_name: z.string().optional(),
  registered_cls_name: z.string(),
  prompt_template: z.string().default("template.txt"),
  fn_completions: z.string(),
  completions_kwargs: z.looseObject({
    model: z.string(),
    max_tokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).optional(),
    timeout: z.number().positive().optional(),
    functions: z.array(functionSchema).default([]),
  }),
});

/** The fields of config.yaml the loader needs before it can find the template file. */
export const parseEvaluatorConfigYaml = (configText: string) => {
  const parsed = configSchema.safeParse(parseYaml(configText));
  if (!parsed.success) {
    throw new Error(`Invalid evaluator config.yaml: ${z.prettifyError(parsed.error)}`);
  }

  return parsed.data;
};

/**
 * Parses a ToolEval evaluator (config.yaml text + template text) into a judge configuration. Any
 * evaluator folder parses; whether the protocols can judge with it is reported in `supported` and
 * `unsupportedReason` rather than thrown, so a UI can show what was loaded and why it is unusable.
 */
export const parseEvaluator = ({ configText, templateText, name }: { configText: string; templateText: string; name?: string }): EvaluatorConfig => {
  const config = parseEvaluatorConfigYaml(configText);
  const { model, max_tokens, temperature, timeout, functions, ...rest } = config.completions_kwargs;
  const extraParams = Object.fromEntries(Object.entries(rest).filter(([key]) => key !== "function_call"));
  const byName: Record<string, JudgeFunctionSchema> = {};
  for (const fn of functions) byName[fn.name] = fn as JudgeFunctionSchema;
  const evaluator: EvaluatorConfig = {
    name: name ?? config.evaluator_name ?? "evaluator",
    className: config.registered_cls_name,
    fnCompletions: config.fn_completions,
    model,
    maxTokens: max_tokens,
    temperature,
    timeoutSeconds: timeout,
    extraParams,
    functions: byName,
    templates: parseFunctionTemplates(templateText),
    messages: parseMessageTemplates(templateText),
    supported: true,
  };
  const problem = findUnsupported(evaluator);

  return problem ? { ...evaluator, supported: false, unsupportedReason: problem } : evaluator;
};

/** Why the default judging protocol cannot run with this evaluator, or undefined when it can. */
const findUnsupported = (evaluator: EvaluatorConfig): string | undefined => {
  if (evaluator.className !== DEFAULT_CLASS || evaluator.fnCompletions !== DEFAULT_COMPLETIONS) {
    return (
      `${evaluator.className}.${evaluator.fnCompletions} is not ToolEval's default protocol; only ` +
      `${DEFAULT_CLASS} (tooleval_gpt-3.5-turbo_default and derivatives) is supported for judging. ` +
      "Current ToolEval crashes with the other classes as well (spec §3.6)."
    );
  }
  for (const fn of JUDGE_FUNCTIONS) {
    const schema = evaluator.functions[fn];
    const template = evaluator.templates[fn];
    if (!schema) return `config.yaml defines no function schema "${fn}"`;
    if (template === undefined) return `the template defines no <function> block "${fn}"`;
    if (!schema.parameters.properties[RESULT_ARGUMENT[fn]]) return `function "${fn}" has no "${RESULT_ARGUMENT[fn]}" argument`;
    const unknown = templatePlaceholders(template).filter((name) => !REQUIRED_PLACEHOLDERS[fn].includes(name));
    if (unknown.length > 0) {
      return `the template of "${fn}" uses {${unknown.join("}, {")}}, which ToolEval never fills (Python would raise KeyError)`;
    }
  }

  return undefined;
};
