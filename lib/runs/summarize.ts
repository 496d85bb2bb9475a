import {
  summarizePreferenceSet,
  summarizeSoprSet,
  summarizeToolbenchSet,
  type PassRateSetSummary,
  type PreferenceSetSummary,
} from "../tooleval/protocols/set-summary";
import { ANSWER_STATUSES, type AnswerStatus } from "../tooleval/types";

/** One item of a run set as stored: its round, state and outcome, and whether the model answered. */
export type ItemOutcome = {
  queryId: string;
  round: number;
  status: "PENDING" | "DONE" | "ERROR";
  outcome: string | null;
  answered: boolean;
  coinFlip?: boolean;
};

export type SummaryOptions = {
  /** Count test ids without an answer as 0 instead of leaving them out (StableToolBench#37). Faithful: false. */
  missingAsZero?: boolean;
};

const byQuery = (items: ItemOutcome[]) => {
  const groups = new Map<string, ItemOutcome[]>();
  for (const item of items) groups.set(item.queryId, [...(groups.get(item.queryId) ?? []), item]);

  return groups;
};

/** The rule-based protocol scores like SoPR with passed = Solved. */
const asStatus = (outcome: string | null): AnswerStatus | undefined => {
  if (outcome === "passed") return "Solved";
  if (outcome === "failed") return "Unsolved";

  return ANSWER_STATUSES.includes(outcome as AnswerStatus) ? (outcome as AnswerStatus) : undefined;
};

/**
 * A pass-rate result for one test set from its stored items, scored by the engine exactly as the
 * file-mode CLI scores ToolEval result files. `total` is the number of test ids.
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
}): PassRateSetSummary => {
  const queries = [...byQuery(items.filter((item) => item.answered)).values()].map((rounds) => rounds.filter((item) => item.status === "DONE"));
  const common = {
    total,
    evaluateTimes,
    errors: items.filter((item) => item.status === "ERROR").length,
    denominator: options.missingAsZero ? ("test-set" as const) : ("answered" as const),
  };
  if (protocol === "toolbench") {
    return summarizeToolbenchSet({
      ...common,
      queries: queries.map((rounds) => ({
        counts: {
          passed: rounds.filter((item) => item.outcome === "passed").length,
          failed: rounds.filter((item) => item.outcome === "failed").length,
          unsure: rounds.filter((item) => item.outcome === "unsure").length,
        },
        passedRounds: rounds.filter((item) => item.outcome === "passed").map((item) => item.round),
        unsureRounds: rounds.filter((item) => item.outcome === "unsure" || item.coinFlip).length,
      })),
    });
  }
  const labels = queries.map((rounds) =>
    Object.fromEntries(rounds.flatMap((item) => (asStatus(item.outcome) ? [[item.round, asStatus(item.outcome)]] : []))),
  );

  return summarizeSoprSet({ ...common, evaluateTimes: protocol === "rules" ? 1 : evaluateTimes, labels });
};

/**
 * A win-rate result for one test set: per test id the rounds won by each side, then the engine's
 * win / tie / loss count (an id with no finished round counts as a tie).
 */
export const summarizePreference = ({ items, queryIds }: { items: ItemOutcome[]; queryIds: string[] }): PreferenceSetSummary => {
  const groups = byQuery(items);

  return summarizePreferenceSet({
    counts: queryIds.map((queryId) => {
      const rounds = (groups.get(queryId) ?? []).filter((item) => item.status === "DONE");

      return { reference: rounds.filter((item) => item.outcome === "reference").length, candidate: rounds.filter((item) => item.outcome === "candidate").length };
    }),
    errors: items.filter((item) => item.status === "ERROR").length,
  });
};
