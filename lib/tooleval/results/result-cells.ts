import { pyRepr, pyReprString } from "../python";
import { isPyDict, parsePyLiteral } from "./py-literal";
import type { PassRateRound, PreferenceLabel } from "./result-types";
import { ANSWER_STATUSES, type AnswerStatus, TASK_STATUSES, type TaskStatus } from "../types";

/** `AnswerStatus.Solved` → `Solved`, or undefined for anything else. */
export const answerStatusFromText = (text: string): AnswerStatus | undefined =>
  ANSWER_STATUSES.find((status) => text === `AnswerStatus.${status}`);

/** `TaskStatus.Solvable` → `Solvable`, or undefined for anything else. */
export const taskStatusFromText = (text: string): TaskStatus | undefined =>
  TASK_STATUSES.find((status) => text === `TaskStatus.${status}`);

/**
 * The names ToolEval lists for an answer's `available_tools`: `name` of flat schemas and
 * `function.name` of `{type: "function", function}` items (as [STB] eval_pass_rate.py does).
 */
export const toolNames = (availableTools: readonly unknown[]): string[] =>
  availableTools.map((tool) => {
    const item = tool as { name?: unknown; function?: { name?: unknown } };
    const name = item.function !== undefined ? item.function.name : item.name;

    return typeof name === "string" ? name : String(name);
  });

/** The `available_tools` TSV cell: Python's `str()` of the tool-name list. */
export const formatToolNamesCell = (names: readonly string[]): string => pyRepr(names);

/** Reads an `available_tools` cell back; throws a SyntaxError on anything but a list of strings. */
export const parseToolNamesCell = (text: string): string[] => {
  const value = parsePyLiteral(text);
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new SyntaxError("expected a Python list of strings");
  }

  return value as string[];
};

/**
 * The StableToolBench `is_solved` TSV cell: Python's `str()` of the round dict, whose keys are ints
 * in completion order, e.g. `{2: 'AnswerStatus.Unsolved', 0: 'AnswerStatus.Solved'}`.
 */
export const formatRoundsCell = (rounds: readonly PassRateRound[]): string =>
  `{${rounds.map(({ round, status }) => `${round}: ${pyReprString(`AnswerStatus.${status}`)}`).join(", ")}}`;

/**
 * Reads an `is_solved` cell back. Keys may also be strings: a run resumed from the JSON file holds
 * string keys, and Python then writes `{'0': …}`.
 */
export const parseRoundsCell = (text: string): PassRateRound[] => {
  const value = parsePyLiteral(text);
  if (!isPyDict(value)) throw new SyntaxError("expected a Python dict of round labels");

  return value.entries.map(([key, label]) => {
    const round = typeof key === "string" && /^\d+$/.test(key) ? Number(key) : key;
    const status = typeof label === "string" ? answerStatusFromText(label) : undefined;
    if (typeof round !== "number" || !Number.isInteger(round) || round < 0 || !status) {
      throw new SyntaxError(`unexpected round entry ${pyRepr(key)}: ${pyRepr(label)}`);
    }

    return { round, status };
  });
};

/** ToolEval's label of a pairwise result: the side with more rounds won, 3 on a tie. */
export const preferenceLabel = ({ reference, candidate }: { reference: number; candidate: number }): PreferenceLabel => {
  if (reference > candidate) return 1;
  if (reference < candidate) return 2;

  return 3;
};
