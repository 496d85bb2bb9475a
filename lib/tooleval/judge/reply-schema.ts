import { z } from "zod";
import type { JudgeFunctionSchema, JudgeArgumentSchema } from "../evaluator/types";

/** Python's `int()` of a JSON value, or undefined where Python would raise. */
export const pyInt = (value: unknown): number | undefined => {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);

  return undefined;
};

/** Numbers may arrive as numeric strings; ToolEval's `int(...)` accepts both. */
const numberLike = z.union([z.number(), z.string().trim().regex(/^[+-]?\d+(\.\d+)?$/).transform(Number)]);

const argumentSchema = ({ type, enum: values }: JudgeArgumentSchema): z.ZodType => {
  if (Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === "string")) {
    return z.enum(values as [string, ...string[]]);
  }
  if (type === "number" || type === "integer") return numberLike;
  if (type === "boolean") return z.boolean();
  if (type === "string") return z.string();

  return z.unknown();
};

/**
 * A zod schema for the arguments of a forced function call, derived from the function's JSON schema:
 * required keys present, enum values exact, string/number/boolean types. Other keys pass through.
 * `select_better_answer.index` must be 0 or 1 after Python `int()` and is returned as that integer.
 */
export const replySchemaFor = (fn: JudgeFunctionSchema): z.ZodType<Record<string, unknown>> => {
  const required = new Set(fn.parameters.required ?? []);
  const shape: Record<string, z.ZodType> = {};
  for (const [key, property] of Object.entries(fn.parameters.properties)) {
    const schema = argumentSchema(property);
    shape[key] = required.has(key) ? schema : schema.optional();
  }
  for (const key of required) shape[key] ??= z.unknown().refine((value) => value !== undefined, `missing "${key}"`);
  const object = z.looseObject(shape);
  if (fn.name !== "select_better_answer") return object;

  return object.transform((args, ctx) => {
    const index = pyInt(args.index);
    if (index !== 0 && index !== 1) {
      ctx.addIssue({ code: "custom", message: `index must be 0 or 1, got ${JSON.stringify(args.index)}` });

      return z.NEVER;
    }

    return { ...args, index };
  });
};
