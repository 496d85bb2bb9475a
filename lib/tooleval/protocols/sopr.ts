import { endsWithFinish, renderSteps } from "../steps";
import type { AnswerStatus, ConvertedAnswer, Judge } from "../types";
import { checkIsSolved } from "./check-solved";
import type { TraceStep } from "./trace";

export type SoprRound = { label: AnswerStatus; trace: TraceStep[] };

/**
 * One StableToolEval evaluation round of one answer (spec §2.2): no Finish call on the path →
 * Unsolved without a call; otherwise the `check_is_solved` cascade with reasons.
 */
export const judgeSoprRound = async ({ answer, judge }: { answer: ConvertedAnswer; judge: Judge }): Promise<SoprRound> => {
  const { finalStep } = renderSteps(answer.answer);
  if (!endsWithFinish(finalStep)) {
    return { label: "Unsolved", trace: [{ stage: "no_finish", shortcut: "no_finish", verdict: "Unsolved", reason: "No answer" }] };
  }
  const { status, trace } = await checkIsSolved({ query: answer.query, answer: answer.answer, judge, withReason: true });

  return { label: status, trace };
};

const WEIGHT: Record<AnswerStatus, number> = { Solved: 1, Unsure: 0.5, Unsolved: 0 };

export type SoprScore = {
  /** Mean over rounds of the per-round score, ×100. */
  passRate: number;
  /** Population standard deviation (numpy's default) of the per-round scores, ×100. */
  std: number;
  /** Per-round scores ×100. */
  rounds: number[];
  /** Number of Unsure labels over all rounds. */
  unsure: number;
  /** The denominator used. */
  n: number;
};

/**
 * SoPR (spec §2.2): per round r, Σ w(label) / N with Solved 1, Unsure 0.5, Unsolved or missing 0.
 * Faithfully N is the number of answered queries (`labels.length`); `denominator: "test-set"` uses
 * `testSetSize` instead, so missing answers count as 0 (StableToolBench#37).
 */
export const scoreSopr = ({
  labels,
  evaluateTimes,
  denominator = "answered",
  testSetSize,
}: {
  labels: Partial<Record<number, AnswerStatus>>[];
  evaluateTimes: number;
  denominator?: "answered" | "test-set";
  testSetSize?: number;
}): SoprScore => {
  const n = denominator === "test-set" ? (testSetSize ?? labels.length) : labels.length;
  const scores = Array.from({ length: evaluateTimes }, (_, round) => {
    const total = labels.reduce((sum, perRound) => sum + (perRound[round] ? WEIGHT[perRound[round]!] : 0), 0);

    return n === 0 ? 0 : total / n;
  });
  const mean = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length;
  const unsure = labels.reduce((count, perRound) => count + Object.values(perRound).filter((label) => label === "Unsure").length, 0);

  return { passRate: mean * 100, std: Math.sqrt(variance) * 100, rounds: scores.map((score) => score * 100), unsure, n };
};
