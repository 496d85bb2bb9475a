import type { AnswerStatus } from "../types";
import { scorePreference, type PreferenceCounts, type PreferenceScore } from "./preference";
import { scoreSopr } from "./sopr";
import { scoreToolbench, type ToolbenchCounts } from "./toolbench";

/**
 * The result of one test set, as the CLI prints it (--json) and the app stores it: percentages,
 * unrounded, with the denominators and the failures that ToolEval leaves implicit.
 */
export type PassRateSetSummary = { answered: number; total: number; passRate: number; std: number; rounds: number[]; unsure: number; errors: number };
export type PreferenceSetSummary = PreferenceScore & { errors: number };

const meanAndStd = (values: number[]) => {
  const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length === 0 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;

  return { mean, std: Math.sqrt(variance) };
};

/**
 * SoPR of a set (also the rule-based pass rate, whose labels are Solved or Unsolved): per-round
 * scores, their mean and population std. `labels` has one entry per answered query.
 */
export const summarizeSoprSet = ({
  labels,
  total,
  evaluateTimes,
  errors,
  denominator = "answered",
}: {
  labels: Partial<Record<number, AnswerStatus>>[];
  total: number;
  evaluateTimes: number;
  errors: number;
  denominator?: "answered" | "test-set";
}): PassRateSetSummary => {
  const score = scoreSopr({ labels, evaluateTimes, denominator, testSetSize: total });

  return { answered: labels.length, total, passRate: score.passRate, std: score.std, rounds: score.rounds, unsure: score.unsure, errors };
};

/**
 * ToolBench v1 pass rate of a set: the printed per-query majority (ties pass), plus, for comparison
 * with SoPR, the per-round share of passing answers and their population std. `unsure` counts the
 * rounds whose pass was Unsure (settled by a coin flip, or left unsure in the explicit mode).
 */
export const summarizeToolbenchSet = ({
  queries,
  total,
  evaluateTimes,
  errors,
  denominator = "answered",
}: {
  queries: { counts: ToolbenchCounts; passedRounds: number[]; unsureRounds: number }[];
  total: number;
  evaluateTimes: number;
  errors: number;
  denominator?: "answered" | "test-set";
}): PassRateSetSummary => {
  const missing = denominator === "test-set" ? Math.max(0, total - queries.length) : 0;
  const counts = [...queries.map((query) => query.counts), ...Array.from({ length: missing }, () => ({ passed: 0, failed: 1 }))];
  const n = queries.length + missing;
  const rounds = Array.from({ length: evaluateTimes }, (_, round) =>
    n === 0 ? 0 : (queries.filter((query) => query.passedRounds.includes(round)).length / n) * 100,
  );

  return {
    answered: queries.length,
    total,
    passRate: scoreToolbench(counts).passRate,
    std: meanAndStd(rounds).std,
    rounds,
    unsure: queries.reduce((sum, query) => sum + query.unsureRounds, 0),
    errors,
  };
};

/** Win rate of a set over its test ids (one count per id). */
export const summarizePreferenceSet = ({ counts, errors }: { counts: PreferenceCounts[]; errors: number }): PreferenceSetSummary => ({
  ...scorePreference(counts),
  errors,
});

/** StableToolBench's "Average": the unweighted mean of the set means, ± the mean of the set stds. */
export const averagePassRate = (sets: PassRateSetSummary[]) => ({
  passRate: meanAndStd(sets.map((set) => set.passRate)).mean,
  std: meanAndStd(sets.map((set) => set.std)).mean,
});

export const averagePreference = (sets: PreferenceSetSummary[]) => ({
  winRate: meanAndStd(sets.map((set) => set.winRate)).mean,
  winRateHalfTies: meanAndStd(sets.map((set) => set.winRateHalfTies)).mean,
});
