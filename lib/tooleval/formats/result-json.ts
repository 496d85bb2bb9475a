import { z } from "zod";
import { ANSWER_STATUSES, TASK_STATUSES } from "../types";
import { type FileContext, type SafeParseResult, unwrapResult, validate } from "./format-error";

/** Python's `str()` of the enum members, as stored by ToolEval: `AnswerStatus.Solved`. */
export const answerStatusTextSchema = z.enum(ANSWER_STATUSES.map((status) => `AnswerStatus.${status}` as const));
export const taskStatusTextSchema = z.enum(TASK_STATUSES.map((status) => `TaskStatus.${status}` as const));

const sharedFields = {
  query: z.string(),
  tool_names: z.array(z.string()),
  answer_steps: z.string(),
  final_step: z.string(),
};

/** StableToolBench pass-rate record: one label per evaluation round, keyed by the round index. */
export const stablePassRateRecordSchema = z.looseObject({
  ...sharedFields,
  is_solved: z.record(z.string().regex(/^\d+$/, "round keys are integers"), answerStatusTextSchema),
});

/** ToolBench v1 pass-rate record: round counts plus the statuses of the last completed round. */
export const toolBenchPassRateRecordSchema = z.looseObject({
  passed: z.int().nonnegative(),
  failed: z.int().nonnegative(),
  ...sharedFields,
  task_solvable: taskStatusTextSchema,
  is_solved: answerStatusTextSchema,
  reason: z.string(),
  not_hallucinate: z.boolean(),
});

export const stablePassRateFileSchema = z.record(z.string(), stablePassRateRecordSchema);
export const toolBenchPassRateFileSchema = z.record(z.string(), toolBenchPassRateRecordSchema);

export type StablePassRateFile = z.infer<typeof stablePassRateFileSchema>;
export type ToolBenchPassRateFile = z.infer<typeof toolBenchPassRateFileSchema>;

const ROUND_KEY = /^round_\d+$/;

/**
 * Preference record `{<ref>: n, <candidate>: n, round_0: "complete" | "incomplete", …}`: exactly two
 * model counters besides the round flags.
 */
export const preferenceRecordSchema = z
  .record(z.string(), z.union([z.int().nonnegative(), z.enum(["complete", "incomplete"])]))
  .superRefine((record, ctx) => {
    const models = Object.keys(record).filter((key) => !ROUND_KEY.test(key));
    if (models.length !== 2) {
      ctx.addIssue({ code: "custom", message: `expected counters for exactly 2 models, found ${models.length}` });
    }
    for (const [key, value] of Object.entries(record)) {
      const isRound = ROUND_KEY.test(key);
      if (isRound && typeof value !== "string") {
        ctx.addIssue({ code: "custom", path: [key], message: 'expected "complete" or "incomplete"' });
      }
      if (!isRound && typeof value !== "number") {
        ctx.addIssue({ code: "custom", path: [key], message: "expected the model's count of preferred rounds" });
      }
    }
  });

export const preferenceFileSchema = z.record(z.string(), preferenceRecordSchema);
export type PreferenceFile = z.infer<typeof preferenceFileSchema>;

/** Validates a StableToolBench pass-rate JSON file. */
export const safeParseStablePassRateJson = (value: unknown, context: FileContext = {}) =>
  validate<StablePassRateFile>({ schema: stablePassRateFileSchema, value, layout: "keyed", context });

/** Validates a ToolBench (ToolEval v1) pass-rate JSON file. */
export const safeParseToolBenchPassRateJson = (value: unknown, context: FileContext = {}) =>
  validate<ToolBenchPassRateFile>({ schema: toolBenchPassRateFileSchema, value, layout: "keyed", context });

/** Validates a preference JSON file; every query must count the same two models. */
export const safeParsePreferenceJson = (value: unknown, context: FileContext = {}): SafeParseResult<PreferenceFile> => {
  const result = validate<PreferenceFile>({ schema: preferenceFileSchema, value, layout: "keyed", context });
  if (!result.success) return result;
  const signatures = new Map<string, string>();
  for (const [queryId, record] of Object.entries(result.data)) {
    signatures.set(Object.keys(record).filter((key) => !ROUND_KEY.test(key)).sort().join(" / "), queryId);
  }
  if (signatures.size <= 1) return result;
  const [[first], [second, queryId]] = [...signatures.entries()] as [[string, string], [string, string]];
  const message = `model names differ between queries ("${first}" vs "${second}")`;

  return { success: false, issues: [{ file: context.file, queryId, path: "", message }], issueCount: 1 };
};

/** Like {@link safeParseStablePassRateJson} but throws a `FormatError`. */
export const parseStablePassRateJson = (value: unknown, context: FileContext = {}) =>
  unwrapResult(safeParseStablePassRateJson(value, context));

/** Like {@link safeParseToolBenchPassRateJson} but throws a `FormatError`. */
export const parseToolBenchPassRateJson = (value: unknown, context: FileContext = {}) =>
  unwrapResult(safeParseToolBenchPassRateJson(value, context));

/** Like {@link safeParsePreferenceJson} but throws a `FormatError`. */
export const parsePreferenceJson = (value: unknown, context: FileContext = {}) =>
  unwrapResult(safeParsePreferenceJson(value, context));
