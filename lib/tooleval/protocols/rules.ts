import type { ConvertedAnswer } from "../types";
import { isEmptyFinalAnswer } from "./check-solved";
import type { TraceStep } from "./trace";

/** The apology words of ToolEval v0's rule-based pass rate (spec §2.3). */
export const APOLOGY_WORDS = ["sorry", "apologize", "apology", "unfortunately", "couldn't"] as const;

export type RulesVerdict = { passed: boolean; trace: TraceStep[] };

/**
 * The legacy rule-based pass (spec §2.3, on converted answers): passed iff the final answer is
 * non-empty, not a give-up, and contains none of the apology words (case-insensitive). No judge.
 */
export const judgeByRules = (answer: Pick<ConvertedAnswer, "answer">): RulesVerdict => {
  const finalAnswer = answer.answer.final_answer;
  if (isEmptyFinalAnswer(finalAnswer)) {
    return { passed: false, trace: [{ stage: "rules", shortcut: "empty_final_answer", verdict: "failed", reason: "Empty or give-up final answer" }] };
  }
  const lower = finalAnswer.toLowerCase();
  const word = APOLOGY_WORDS.find((candidate) => lower.includes(candidate));
  if (word) return { passed: false, trace: [{ stage: "rules", shortcut: "apology", verdict: "failed", reason: `Final answer contains "${word}"` }] };

  return { passed: true, trace: [{ stage: "rules", shortcut: "rules", verdict: "passed", reason: "Non-empty final answer without apology words" }] };
};
