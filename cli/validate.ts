import type { z } from "zod";
import { UsageError } from "./args";

/** Parses flag values with a schema; a failure is a usage error naming the flag (`testSet` → `--test-set`). */
export const parseFlagValues = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = String(issue.path[0] ?? "").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

  throw new UsageError(flag ? `--${flag}: ${issue.message}` : issue.message);
};
