import { OrderedObject, dumpJsonIndented, keysInFileOrder } from "../json-text";
import { passRateQueryInfo, readToolBenchPassRateJson } from "../results/pass-rate-files";
import { writeToolBenchPassRateTsv } from "../results/pass-rate-tsv";
import type { ToolbenchRound } from "../protocols/toolbench";
import type { ToolBenchPassRateEntry } from "../results/result-types";
import type { ConvertedAnswer } from "../types";

/** Per-round labels, stored under an extra key ToolEval ignores, so resumed runs know which rounds are done. */
export type RoundLabel = "passed" | "failed" | "unsure" | "passed (coin flip)" | "failed (coin flip)";

type Entry = ToolBenchPassRateEntry & { counts: { passed: number; failed: number }; rounds: [number, RoundLabel][] };

const ROUND_LABELS_KEY = "round_labels";

/** Round labels of a file: our extra key when present, else passed rounds then failed ones (order unknown). */
const roundsOf = (raw: unknown, { passed, failed }: { passed: number; failed: number }): [number, RoundLabel][] => {
  const stored = (raw as Record<string, unknown> | undefined)?.[ROUND_LABELS_KEY];
  if (stored && typeof stored === "object") {
    return keysInFileOrder(stored).map((round) => [Number(round), (stored as Record<string, RoundLabel>)[round]!]);
  }

  return Array.from({ length: passed + failed }, (_, round) => [round, round < passed ? "passed" : "failed"]);
};

/**
 * The ToolBench (ToolEval v1) pass-rate result (spec §1.6): pass/fail counts, the last completed
 * round's statuses and reason, the hallucination flag, plus per-round labels for resuming.
 */
export const createToolbenchPassRateState = ({ existing, file }: { existing?: unknown; file: string }) => {
  const entries = new Map<string, Entry>();
  if (existing !== undefined) {
    for (const entry of readToolBenchPassRateJson(existing, { file })) {
      const counts = entry.counts ?? { passed: 0, failed: 0 };
      entries.set(entry.queryId, { ...entry, counts, rounds: roundsOf((existing as Record<string, unknown>)[entry.queryId], counts) });
    }
  }

  return {
    doneRounds: (qid: string) => new Set(entries.get(qid)?.rounds.map(([round]) => round) ?? []),
    counts: (qid: string) => {
      const entry = entries.get(qid);

      return entry && { ...entry.counts, unsure: entry.rounds.filter(([, label]) => label === "unsure").length };
    },
    roundLabels: (qid: string) => new Map(entries.get(qid)?.rounds ?? []),
    record: ({ qid, answer, round, outcome }: { qid: string; answer: ConvertedAnswer; round: number; outcome: ToolbenchRound }) => {
      const previous = entries.get(qid);
      const counts = { ...(previous?.counts ?? { passed: 0, failed: 0 }) };
      if (outcome.label !== "unsure") counts[outcome.label] += 1;
      const label: RoundLabel = outcome.coinFlip ? `${outcome.label as "passed" | "failed"} (coin flip)` : outcome.label;
      entries.set(qid, {
        ...(previous ?? passRateQueryInfo({ queryId: qid, answer })),
        taskSolvable: outcome.taskStatus,
        isSolved: outcome.answerStatus,
        reason: outcome.reason,
        notHallucinate: outcome.notHallucinate,
        counts,
        rounds: [...(previous?.rounds ?? []).filter(([done]) => done !== round), [round, label]],
      });
    },
    /** ToolBench's JSON layout (as E1's writer) plus the `round_labels` key. */
    toJson: () =>
      dumpJsonIndented(
        new OrderedObject(
          [...entries.values()].map((e) => [
            e.queryId,
            new OrderedObject([
              ["passed", e.counts.passed],
              ["failed", e.counts.failed],
              ["query", e.query],
              ["task_solvable", `TaskStatus.${e.taskSolvable}`],
              ["tool_names", e.toolNames],
              ["answer_steps", e.answerSteps],
              ["final_step", e.finalStep],
              ["is_solved", `AnswerStatus.${e.isSolved}`],
              ["reason", e.reason],
              ["not_hallucinate", e.notHallucinate],
              [ROUND_LABELS_KEY, new OrderedObject(e.rounds.map(([round, label]) => [String(round), label]))],
            ]),
          ]),
        ),
      ),
    /** The `pass_rate_label` column breaks ties with a coin seeded per query, as ToolBench's coin. */
    toTsv: (model: string, seed: string | number) => writeToolBenchPassRateTsv({ model, entries: [...entries.values()], seed }),
  };
};
