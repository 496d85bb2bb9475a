import { scoreToolbench } from "../protocols/toolbench";
import type { createToolbenchPassRateState } from "./toolbench-pass-rate-state";

/**
 * A ToolBench set summary: the printed pass rate (majority per query, ties pass) plus, for
 * comparability with SoPR, the per-round share of passing answers and their population std.
 * `unsure` counts rounds whose pass was Unsure (settled by a coin flip or left unsure).
 */
export const scoreToolbenchSet = ({
  state,
  answered,
  evaluateTimes,
}: {
  state: ReturnType<typeof createToolbenchPassRateState>;
  answered: string[];
  evaluateTimes: number;
}) => {
  const counts = answered.map((qid) => state.counts(qid) ?? { passed: 0, failed: 0 });
  const labels = answered.map((qid) => state.roundLabels(qid));
  const rounds = Array.from({ length: evaluateTimes }, (_, round) => {
    const passed = labels.filter((perRound) => perRound.get(round)?.startsWith("passed")).length;

    return answered.length === 0 ? 0 : (passed / answered.length) * 100;
  });
  const mean = rounds.length === 0 ? 0 : rounds.reduce((a, b) => a + b, 0) / rounds.length;
  const std = rounds.length === 0 ? 0 : Math.sqrt(rounds.reduce((sum, r) => sum + (r - mean) ** 2, 0) / rounds.length);
  const unsure = labels.reduce((sum, perRound) => sum + [...perRound.values()].filter((label) => label === "unsure" || label.endsWith("(coin flip)")).length, 0);

  return { passRate: scoreToolbench(counts).passRate, std, rounds, unsure };
};
