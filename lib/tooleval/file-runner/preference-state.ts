import { readPreferenceJson, writePreferenceJson, writePreferenceTsv } from "../results/preference-files";
import type { PreferenceCounts as SideCounts, PreferenceSide } from "../protocols/preference";
import { preferenceLabel, toolNames } from "../results/result-cells";
import type { PreferenceCounts, PreferenceRow } from "../results/result-types";
import { renderSteps } from "../steps";
import type { ConvertedAnswerFile } from "../types";

/**
 * The preference result (spec §1.6) being built: per test id the rounds won by each model and which
 * rounds are complete. Every round, shortcuts included, is marked complete when scored, so resuming
 * never counts a round twice (ToolEval's double counting, OpenBMB/ToolBench PR #178).
 */
export const createPreferenceState = ({
  existing,
  file,
  testIds,
  referenceModel,
  candidateModel,
  evaluateTimes,
}: {
  existing?: unknown;
  file: string;
  testIds: string[];
  referenceModel: string;
  candidateModel: string;
  evaluateTimes: number;
}) => {
  const entries = new Map<string, PreferenceCounts>();
  if (existing !== undefined) {
    for (const entry of readPreferenceJson(existing, { file, referenceModel, candidateModel }).entries) entries.set(entry.queryId, entry);
  }
  for (const queryId of testIds) if (!entries.has(queryId)) entries.set(queryId, { queryId, reference: 0, candidate: 0, rounds: [] });
  const isComplete = (entry: PreferenceCounts, round: number) => entry.rounds.some((item) => item.round === round && item.complete);
  /** Every round up to `evaluateTimes` listed, as ToolEval pre-creates them. */
  const withAllRounds = (entry: PreferenceCounts): PreferenceCounts => {
    const count = Math.max(evaluateTimes, ...entry.rounds.map(({ round }) => round + 1));

    return { ...entry, rounds: Array.from({ length: count }, (_, round) => ({ round, complete: isComplete(entry, round) })) };
  };

  return {
    doneRounds: (qid: string) => new Set(entries.get(qid)!.rounds.filter(({ complete }) => complete).map(({ round }) => round)),
    counts: (qid: string): SideCounts => {
      const { reference, candidate } = entries.get(qid)!;

      return { reference, candidate };
    },
    record: ({ qid, round, winner }: { qid: string; round: number; winner: PreferenceSide | "none" }) => {
      const entry = entries.get(qid)!;
      if (isComplete(entry, round)) return;
      const rounds = [...entry.rounds.filter((item) => item.round !== round), { round, complete: true }];
      entries.set(qid, { ...entry, ...(winner === "none" ? {} : { [winner]: entry[winner] + 1 }), rounds });
    },
    toJson: () => writePreferenceJson({ referenceModel, candidateModel, entries: [...entries.values()].map(withAllRounds) }),
    /** A missing answer renders as empty steps (ToolEval crashes there instead). */
    toTsv: ({ reference, candidate }: { reference: ConvertedAnswerFile; candidate: ConvertedAnswerFile }) => {
      const empty = { answerSteps: "", finalStep: "" };
      const rows: PreferenceRow[] = [...entries.values()].map((entry) => {
        const ref = reference[entry.queryId];
        const cand = candidate[entry.queryId];

        return {
          queryId: entry.queryId,
          query: (ref ?? cand)?.query ?? "",
          toolNames: toolNames((ref ?? cand)?.available_tools ?? []),
          reference: ref ? renderSteps(ref.answer) : empty,
          candidate: cand ? renderSteps(cand.answer) : empty,
          label: preferenceLabel(entry),
        };
      });

      return writePreferenceTsv({ referenceModel, candidateModel, rows });
    },
  };
};
