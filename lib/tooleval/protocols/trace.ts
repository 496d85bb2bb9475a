import { JudgeError } from "../judge/error";
import type { JudgeFunctionName, JudgeReply } from "../types";

/**
 * One step of how a round's decision was reached: either a judge call (`fn`) or a rule that decided
 * without one (`shortcut`), with the verdict and, when the judge gave one, its reason.
 */
export type TraceStep = {
  stage: string;
  fn?: JudgeFunctionName;
  shortcut?: string;
  verdict: string;
  reason?: string;
};

/** A stage key for a side of a pairwise comparison, e.g. `reference:check_answer_status`. */
export const stageKey = (prefix: string | undefined, name: string) => (prefix ? `${prefix}:${name}` : name);

/**
 * Reads an enum verdict from a judge reply. An injected judge is expected to validate already; this
 * guards the protocols against one that does not, failing as bad output rather than mis-scoring.
 */
export const readVerdict = <T extends string>(reply: JudgeReply, key: string, values: readonly T[]): T => {
  const value = reply.args[key];
  if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T;

  throw new JudgeError({ kind: "bad_output", message: `"${key}" must be one of ${values.join(", ")}, got ${JSON.stringify(value)}`, attempts: 1 });
};
