import type { AnswerStatus, TaskStatus } from "../types";

/**
 * ToolEval result files normalised for import (spec §1.6). Lists keep the files' order: ToolEval
 * writes queries and rounds in completion order, which JavaScript objects cannot represent.
 */

/** One evaluation round's label of a StableToolBench pass-rate file. */
export type PassRateRound = { round: number; status: AnswerStatus };

/** The fields both pass-rate variants store per query, besides their labels. */
export type PassRateQueryInfo = {
  queryId: string;
  query: string;
  /** Names of the answer's `available_tools` (see `toolNames`). */
  toolNames: string[];
  /** `get_steps` renderings (spec §1.5). */
  answerSteps: string;
  finalStep: string;
};

/** StableToolBench (SoPR): one label per round, in completion order. */
export type StablePassRateEntry = PassRateQueryInfo & { rounds: PassRateRound[] };

export type PassLabel = "passed" | "failed";

/** ToolBench ToolEval v1: the statuses and reason of the last completed round, plus round counts. */
export type ToolBenchPassRateEntry = PassRateQueryInfo & {
  taskSolvable: TaskStatus;
  isSolved: AnswerStatus;
  reason: string;
  notHallucinate: boolean;
  /** Passed/failed rounds; only the JSON file stores them. */
  counts?: { passed: number; failed: number };
  /** The majority label with coin-flip ties; only the TSV file stores it. */
  label?: PassLabel;
};

export type PassRateResult =
  | { variant: "stabletoolbench"; model?: string; entries: StablePassRateEntry[] }
  | { variant: "toolbench"; model?: string; entries: ToolBenchPassRateEntry[] };

/** `preference_label` of the TSV: 1 reference preferred, 2 candidate preferred, 3 tie. */
export type PreferenceLabel = 1 | 2 | 3;

/** One query of a preference JSON file: rounds won by each side and which rounds completed. */
export type PreferenceCounts = {
  queryId: string;
  reference: number;
  candidate: number;
  rounds: { round: number; complete: boolean }[];
};

/** The side of a pairwise comparison as the TSV renders it. */
export type PreferenceSide = { answerSteps: string; finalStep: string };

/** One row of a preference TSV file. */
export type PreferenceRow = {
  queryId: string;
  query: string;
  toolNames: string[];
  reference: PreferenceSide;
  candidate: PreferenceSide;
  label: PreferenceLabel;
};

export type PreferenceResult = {
  referenceModel: string;
  candidateModel: string;
} & ({ source: "json"; entries: PreferenceCounts[] } | { source: "tsv"; rows: PreferenceRow[] });
