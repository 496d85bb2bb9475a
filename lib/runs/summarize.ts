import { scorePreference, type PreferenceCounts } from "../tooleval/protocols/preference";
import { scoreSopr } from "../tooleval/protocols/sopr";
import { scoreToolbench, type ToolbenchCounts } from "../tooleval/protocols/toolbench";
import { ANSWER_STATUSES, type AnswerStatus } from "../tooleval/types";
import type { PassRateSetResult, PreferenceSetResult } from "./results";

/** One finished (or failed) item of a run set, as stored. */
export type ItemOutcome = { queryId: string; round: number; status: "PENDING" | "DONE" | "ERROR"; outcome: string | null; answered: boolean };

export type SummaryOptions = {
  /** Count test ids without an answer as 0 instead of leaving them out (StableToolBench#37). Faithful: false. */
  missingAsZero?: boolean;
};

const byQuery = (items: ItemOutcome[]) => {
  const groups = new Map<string, ItemOutcome[]>();
  for (const item of items) groups.set(item.queryId, [...(groups.get(item.queryId) ?? []), item]);

  return groups;
};

const isStatus = (value: string | null): value is AnswerStatus => ANSWER_STATUSES.includes(value as AnswerStatus);

/**
 * A pass-rate result for one test set from its stored items, with the engine's scoring: SoPR per
 * round then mean ± population std; ToolBench v1 per-query majority (its per-round shares are kept in
 * `rounds` for inspection); rules as a single round. `total` is the number of test ids.
 */
export const summarizePassRate = ({
  protocol,
  items,
  total,
  evaluateTimes,
  options = {},
}: {
  protocol: string;
  items: ItemOutcome[];
  total: number;
  evaluateTimes: number;
  options?: SummaryOptions;
}): PassRateSetResult => {
  const answeredItems = items.filter((item) => item.answered);
  const queries = byQuery(answeredItems);
  const errors = items.filter((item) => item.status === "ERROR").length;
  const unsure = answeredItems.filter((item) => item.status === "DONE" && (item.outcome === "Unsure" || item.outcome === "unsure")).length;

  if (protocol === "sopr") {
    const labels = [...queries.values()].map((rounds) =>
      Object.fromEntries(rounds.filter((item) => item.status === "DONE" && isStatus(item.outcome)).map((item) => [item.round, item.outcome as AnswerStatus])),
    );
    const score = scoreSopr({ labels, evaluateTimes, denominator: options.missingAsZero ? "test-set" : "answered", testSetSize: total });

    return { answered: queries.size, total, passRate: score.passRate, std: score.std, rounds: score.rounds, unsure: score.unsure, errors };
  }

  const counts: ToolbenchCounts[] = [...queries.values()].map((rounds) => ({
    passed: rounds.filter((item) => item.status === "DONE" && item.outcome === "passed").length,
    failed: rounds.filter((item) => item.status === "DONE" && item.outcome === "failed").length,
    unsure: rounds.filter((item) => item.status === "DONE" && item.outcome === "unsure").length,
  }));
  const padded = options.missingAsZero ? [...counts, ...Array.from({ length: Math.max(0, total - counts.length) }, () => ({ passed: 0, failed: 1 }))] : counts;
  const rounds = Array.from({ length: evaluateTimes }, (_, round) => {
    const done = answeredItems.filter((item) => item.round === round && item.status === "DONE");
    const denominator = options.missingAsZero ? total : queries.size;

    return denominator === 0 ? 0 : (done.filter((item) => item.outcome === "passed").length / denominator) * 100;
  });
  const mean = rounds.length ? rounds.reduce((a, b) => a + b, 0) / rounds.length : 0;
  const std = rounds.length ? Math.sqrt(rounds.reduce((sum, value) => sum + (value - mean) ** 2, 0) / rounds.length) : 0;

  return { answered: queries.size, total, passRate: scoreToolbench(padded).passRate, std, rounds, unsure, errors };
};

/**
 * A win-rate result for one test set: per query the round wins of each side, then the engine's
 * win / tie / loss count over all test ids (a query with no finished round counts as a tie).
 */
export const summarizePreference = ({ items, queryIds }: { items: ItemOutcome[]; queryIds: string[] }): PreferenceSetResult => {
  const groups = byQuery(items);
  const counts: PreferenceCounts[] = queryIds.map((queryId) => {
    const rounds = (groups.get(queryId) ?? []).filter((item) => item.status === "DONE");

    return {
      reference: rounds.filter((item) => item.outcome === "reference").length,
      candidate: rounds.filter((item) => item.outcome === "candidate").length,
    };
  });

  return { ...scorePreference(counts), errors: items.filter((item) => item.status === "ERROR").length };
};
