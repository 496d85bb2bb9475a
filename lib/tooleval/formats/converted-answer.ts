import { z } from "zod";
import type { AnswerNode, ConvertedAnswer, ConvertedAnswerFile } from "../types";
import { type FileContext, type SafeParseResult, unwrapResult, validate } from "./format-error";
import { toolSchemaSchema } from "./raw-answer";

export const toolMessageSchema = z.looseObject({ name: z.string(), arguments: z.string(), response: z.string() });

const TEXT_ROLES = new Set(["system", "user", "assistant"]);

/**
 * A node of `answer_details`. The message depends on the role (spec §1.3): text for system, user
 * and assistant; `{name, arguments, response}` for tools, or its Python-repr string in the legacy
 * format; anything for the raw `Action` / `Action Input` nodes that survive DFS purification.
 */
export const answerNodeSchema: z.ZodType<AnswerNode> = z
  .looseObject({
    role: z.string(),
    message: z.unknown(),
    next: z.lazy(() => z.array(answerNodeSchema)),
  })
  .superRefine(({ role, message }, ctx) => {
    if (TEXT_ROLES.has(role) && typeof message !== "string") {
      ctx.addIssue({ code: "custom", path: ["message"], message: `the message of a ${role} node must be a string` });
    }
    if (role !== "tool" || typeof message === "string") return;
    const result = toolMessageSchema.safeParse(message);
    for (const issue of result.error?.issues ?? []) {
      ctx.addIssue({ code: "custom", path: ["message", ...issue.path], message: issue.message });
    }
  });

export const convertedAnswerSchema = z.looseObject({
  query: z.string(),
  available_tools: z.array(toolSchemaSchema),
  answer: z.looseObject({
    method: z.string(),
    total_steps: z.int().nonnegative(),
    final_answer: z.string(),
    answer_details: z.array(answerNodeSchema),
  }),
});

/** A converted answer file: an object keyed by query id (not a list). */
export const convertedAnswerFileSchema = z.record(z.string(), convertedAnswerSchema);

/** Validates a converted answer file; issues are located by query id. */
export const safeParseConvertedAnswers = (
  value: unknown,
  context: FileContext = {},
): SafeParseResult<ConvertedAnswerFile> =>
  validate({ schema: convertedAnswerFileSchema, value, layout: "keyed", context });

/** Like {@link safeParseConvertedAnswers} but throws a `FormatError`. */
export const parseConvertedAnswers = (value: unknown, context: FileContext = {}): ConvertedAnswerFile =>
  unwrapResult(safeParseConvertedAnswers(value, context));

/** Validates one query's converted answer (for example a record of a database row). */
export const safeParseConvertedAnswer = (
  value: unknown,
  context: FileContext = {},
): SafeParseResult<ConvertedAnswer> => validate({ schema: convertedAnswerSchema, value, layout: "single", context });
