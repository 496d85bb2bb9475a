import { STABLE_PASS_RATE_COLUMNS, TOOLBENCH_PASS_RATE_COLUMNS, type TsvRecord } from "../formats/result-tsv";
import { createRng } from "../random";
import {
  answerStatusFromText,
  formatRoundsCell,
  formatToolNamesCell,
  parseRoundsCell,
  parseToolNamesCell,
  taskStatusFromText,
} from "./result-cells";
import type { PassLabel, PassRateQueryInfo, StablePassRateEntry, ToolBenchPassRateEntry } from "./result-types";
import { writeTsv } from "./tsv";

/** StableToolBench's pass-rate TSV (spec §1.6): rows in entry order, rounds in completion order. */
export const writeStablePassRateTsv = ({ model, entries }: { model: string; entries: readonly StablePassRateEntry[] }): string =>
  writeTsv([
    [...STABLE_PASS_RATE_COLUMNS],
    ...entries.map((entry) => [
      entry.query,
      formatToolNamesCell(entry.toolNames),
      entry.answerSteps,
      entry.finalStep,
      model,
      entry.queryId,
      formatRoundsCell(entry.rounds),
    ]),
  ]);

/**
 * ToolBench's `pass_rate_label`: the majority of rounds, a tie decided by a coin flip (seeded here,
 * one stream per query, so a rewrite gives the same labels).
 */
export const majorityPassLabel = ({ queryId, passed, failed, seed = 42 }: {
  queryId: string;
  passed: number;
  failed: number;
  seed?: string | number;
}): PassLabel => {
  if (passed !== failed) return passed > failed ? "passed" : "failed";

  return createRng(seed, "pass_rate_label", queryId).next() < 0.5 ? "passed" : "failed";
};

/** ToolBench's pass-rate TSV; the label is the entry's own, else the majority of its counts. */
export const writeToolBenchPassRateTsv = ({ model, entries, seed }: {
  model: string;
  entries: readonly ToolBenchPassRateEntry[];
  seed?: string | number;
}): string =>
  writeTsv([
    [...TOOLBENCH_PASS_RATE_COLUMNS],
    ...entries.map((entry) => {
      const label =
        entry.label ??
        (entry.counts ? majorityPassLabel({ queryId: entry.queryId, ...entry.counts, seed }) : undefined);
      if (!label) throw new Error(`query ${entry.queryId}: needs a pass_rate_label or passed/failed counts`);

      return [
        entry.query,
        `TaskStatus.${entry.taskSolvable}`,
        formatToolNamesCell(entry.toolNames),
        entry.answerSteps,
        entry.finalStep,
        model,
        entry.queryId,
        `AnswerStatus.${entry.isSolved}`,
        label,
        entry.reason,
        entry.notHallucinate ? "True" : "False",
      ];
    }),
  ]);

const queryInfoOfRow = (row: TsvRecord): PassRateQueryInfo => ({
  queryId: row.query_id!,
  query: row.query!,
  toolNames: parseToolNamesCell(row.available_tools!),
  answerSteps: row.model_intermediate_steps!,
  finalStep: row.model_final_step!,
});

/** Normalises the rows of a StableToolBench pass-rate TSV already checked by `safeParseResultTsv`. */
export const stableEntriesFromTsv = (rows: readonly TsvRecord[]): StablePassRateEntry[] =>
  rows.map((row) => ({ ...queryInfoOfRow(row), rounds: parseRoundsCell(row.is_solved!) }));

/** Normalises the rows of a ToolBench pass-rate TSV already checked by `safeParseResultTsv`. */
export const toolBenchEntriesFromTsv = (rows: readonly TsvRecord[]): ToolBenchPassRateEntry[] =>
  rows.map((row) => ({
    ...queryInfoOfRow(row),
    taskSolvable: taskStatusFromText(row.solvable!)!,
    isSolved: answerStatusFromText(row.is_solved!)!,
    reason: row.reason!,
    notHallucinate: row.not_hallucinate === "True",
    label: row.pass_rate_label as PassLabel,
  }));
