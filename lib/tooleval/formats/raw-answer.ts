import { z } from "zod";
import {
  type FileContext,
  type FormatIssue,
  MAX_ISSUES,
  type SafeParseResult,
  issuesFromZod,
  unwrapResult,
} from "./format-error";

export const NODE_TYPES = ["Thought", "Action", "Action Input"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * A node of a CoT chain or DFS tree (spec §1.2). `observation` is omitted by the inference code
 * when empty; `children` exists only in trees.
 */
export type RawTreeNode = {
  node_type: NodeType;
  description: string;
  observation?: string;
  children?: RawTreeNode[];
  [key: string]: unknown;
};

export const rawTreeNodeSchema: z.ZodType<RawTreeNode> = z.looseObject({
  node_type: z.enum(NODE_TYPES),
  description: z.string(),
  observation: z.string().optional(),
  children: z.lazy(() => z.array(rawTreeNodeSchema)).optional(),
});

const functionCallSchema = z.looseObject({ name: z.string(), arguments: z.string() });

/** An OpenAI-style message of `train_messages`: legacy `function_call` or newer `tool_calls`. */
export const rawMessageSchema = z.looseObject({
  role: z.enum(["system", "user", "assistant", "function", "tool"]),
  content: z.string().nullish(),
  function_call: functionCallSchema.nullish(),
  tool_calls: z.array(z.looseObject({ id: z.string(), function: functionCallSchema })).nullish(),
  tool_call_id: z.string().nullish(),
  name: z.string().nullish(),
});
export type RawMessage = z.infer<typeof rawMessageSchema>;

/** A tool schema as offered to the model: flat, or wrapped as `{type: "function", function}`. */
export const toolSchemaSchema = z.union([
  z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
  z.looseObject({ name: z.string() }),
]);

export const answerGenerationSchema = z.looseObject({
  valid_data: z.boolean(),
  final_answer: z.string(),
  finish_type: z.string().optional(),
  function: z.array(toolSchemaSchema),
  query: z.string(),
  train_messages: z.array(z.array(rawMessageSchema)).optional(),
});
export type AnswerGeneration = z.infer<typeof answerGenerationSchema>;

export type RawAnswer = {
  answer_generation: AnswerGeneration;
  trys?: { chain: RawTreeNode[]; [key: string]: unknown }[];
  tree?: { tree: RawTreeNode; [key: string]: unknown };
  [key: string]: unknown;
};

/** What every raw answer needs; a valid one must also carry its conversation. */
const rawAnswerBaseSchema = z
  .looseObject({ answer_generation: answerGenerationSchema })
  .superRefine(({ answer_generation: generation }, ctx) => {
    if (!generation.valid_data) return;
    const last = generation.train_messages?.at(-1);
    if (!last || last.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["answer_generation", "train_messages"],
        message: "a valid answer needs a last conversation with at least the system and user messages",
      });
    }
  });

/** An invalid answer is converted from its tries (CoT) or its search tree (DFS). */
const invalidAnswerSchema = z
  .looseObject({
    trys: z.array(z.looseObject({ chain: z.array(rawTreeNodeSchema) })).optional(),
    tree: z.looseObject({ tree: rawTreeNodeSchema }).optional(),
  })
  .refine((answer) => answer.trys !== undefined || answer.tree !== undefined, {
    message: "an answer with valid_data false needs `trys` (CoT) or `tree` (DFS)",
  });

/**
 * Validates one raw answer file (spec §1.2). Extra keys are allowed everywhere; the chain or tree
 * is checked only when the conversion needs it (invalid answers).
 */
export const safeParseRawAnswer = (value: unknown, context: FileContext = {}): SafeParseResult<RawAnswer> => {
  const collect = (schema: z.ZodType): FormatIssue[] => {
    const result = schema.safeParse(value);

    return result.success ? [] : issuesFromZod({ error: result.error, root: value, layout: "single", context });
  };
  let issues = collect(rawAnswerBaseSchema);
  const generation = (value as { answer_generation?: { valid_data?: unknown } } | null)?.answer_generation;
  if (generation?.valid_data === false) issues = [...issues, ...collect(invalidAnswerSchema)];
  if (issues.length > 0) return { success: false, issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length };

  return { success: true, data: value as RawAnswer };
};

/** Like {@link safeParseRawAnswer} but throws a `FormatError`. */
export const parseRawAnswer = (value: unknown, context: FileContext = {}): RawAnswer =>
  unwrapResult(safeParseRawAnswer(value, context));
