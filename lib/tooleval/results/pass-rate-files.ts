import { type FileContext, unwrapResult } from "../formats/format-error";
import {
  type StablePassRateFile,
  type ToolBenchPassRateFile,
  safeParseStablePassRateJson,
  safeParseToolBenchPassRateJson,
} from "../formats/result-json";
import { OrderedObject, dumpJsonIndented, keysInFileOrder, parseJsonInput } from "../json-text";
import { answerStatusFromText, taskStatusFromText, toolNames } from "./result-cells";
import type { PassRateQueryInfo, StablePassRateEntry, ToolBenchPassRateEntry } from "./result-types";
import { renderSteps } from "../steps";
import type { ConvertedAnswer } from "../types";

/** The per-query fields of a pass-rate file that come from the converted answer itself. */
export const passRateQueryInfo = ({ queryId, answer }: { queryId: string; answer: ConvertedAnswer }): PassRateQueryInfo => {
  const { answerSteps, finalStep } = renderSteps(answer.answer);

  return { queryId, query: answer.query, toolNames: toolNames(answer.available_tools), answerSteps, finalStep };
};

/** Reads a StableToolBench pass-rate JSON file; queries and rounds keep the file's order. */
export const readStablePassRateJson = (input: unknown, context: FileContext = {}): StablePassRateEntry[] => {
  const file: StablePassRateFile = unwrapResult(safeParseStablePassRateJson(parseJsonInput(input, context), context));

  return keysInFileOrder(file).map((queryId) => {
    const record = file[queryId]!;

    return {
      queryId,
      query: record.query,
      toolNames: record.tool_names,
      answerSteps: record.answer_steps,
      finalStep: record.final_step,
      rounds: keysInFileOrder(record.is_solved).map((round) => ({
        round: Number(round),
        status: answerStatusFromText(record.is_solved[round]!)!,
      })),
    };
  });
};

/** Reads a ToolBench (ToolEval v1) pass-rate JSON file. */
export const readToolBenchPassRateJson = (input: unknown, context: FileContext = {}): ToolBenchPassRateEntry[] => {
  const file: ToolBenchPassRateFile = unwrapResult(safeParseToolBenchPassRateJson(parseJsonInput(input, context), context));

  return keysInFileOrder(file).map((queryId) => {
    const record = file[queryId]!;

    return {
      queryId,
      query: record.query,
      toolNames: record.tool_names,
      answerSteps: record.answer_steps,
      finalStep: record.final_step,
      taskSolvable: taskStatusFromText(record.task_solvable)!,
      isSolved: answerStatusFromText(record.is_solved)!,
      reason: record.reason,
      notHallucinate: record.not_hallucinate,
      counts: { passed: record.passed, failed: record.failed },
    };
  });
};

/** StableToolBench's `json.dump(…, ensure_ascii=False, indent=4)` of the entries, in list order. */
export const writeStablePassRateJson = (entries: readonly StablePassRateEntry[]): string =>
  dumpJsonIndented(
    new OrderedObject(
      entries.map((entry) => [
        entry.queryId,
        new OrderedObject([
          ["query", entry.query],
          ["tool_names", entry.toolNames],
          ["answer_steps", entry.answerSteps],
          ["final_step", entry.finalStep],
          ["is_solved", new OrderedObject(entry.rounds.map(({ round, status }) => [String(round), `AnswerStatus.${status}`]))],
        ]),
      ]),
    ),
  );

/** ToolBench's pass-rate JSON; every entry needs its round `counts`. */
export const writeToolBenchPassRateJson = (entries: readonly ToolBenchPassRateEntry[]): string =>
  dumpJsonIndented(
    new OrderedObject(
      entries.map((entry) => {
        if (!entry.counts) throw new Error(`query ${entry.queryId}: the JSON file needs passed/failed counts`);

        return [
          entry.queryId,
          new OrderedObject([
            ["passed", entry.counts.passed],
            ["failed", entry.counts.failed],
            ["query", entry.query],
            ["task_solvable", `TaskStatus.${entry.taskSolvable}`],
            ["tool_names", entry.toolNames],
            ["answer_steps", entry.answerSteps],
            ["final_step", entry.finalStep],
            ["is_solved", `AnswerStatus.${entry.isSolved}`],
            ["reason", entry.reason],
            ["not_hallucinate", entry.notHallucinate],
          ]),
        ];
      }),
    ),
  );
