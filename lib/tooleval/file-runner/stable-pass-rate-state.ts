import { passRateQueryInfo, readStablePassRateJson, writeStablePassRateJson } from "../results/pass-rate-files";
import { writeStablePassRateTsv } from "../results/pass-rate-tsv";
import type { StablePassRateEntry } from "../results/result-types";
import type { AnswerStatus, ConvertedAnswer } from "../types";

/**
 * The StableToolBench pass-rate result (spec §1.6) being built: per query its rendering and one
 * label per round, in completion order as ToolEval writes them. Loads an existing file to resume.
 */
export const createStablePassRateState = ({ existing, file }: { existing?: unknown; file: string }) => {
  const entries = new Map<string, StablePassRateEntry>();
  if (existing !== undefined) for (const entry of readStablePassRateJson(existing, { file })) entries.set(entry.queryId, entry);

  return {
    doneRounds: (qid: string) => new Set(entries.get(qid)?.rounds.map(({ round }) => round) ?? []),
    labels: (qid: string): Partial<Record<number, AnswerStatus>> =>
      Object.fromEntries((entries.get(qid)?.rounds ?? []).map(({ round, status }) => [round, status])),
    record: ({ qid, answer, round, label }: { qid: string; answer: ConvertedAnswer; round: number; label: AnswerStatus }) => {
      const entry = entries.get(qid) ?? { ...passRateQueryInfo({ queryId: qid, answer }), rounds: [] };
      entries.set(qid, { ...entry, rounds: [...entry.rounds.filter((done) => done.round !== round), { round, status: label }] });
    },
    toJson: () => writeStablePassRateJson([...entries.values()]),
    toTsv: (model: string) => writeStablePassRateTsv({ model, entries: [...entries.values()] }),
  };
};
