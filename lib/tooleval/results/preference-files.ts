import { type FileContext, failFormat, unwrapResult } from "../formats/format-error";
import { type PreferenceFile, safeParsePreferenceJson } from "../formats/result-json";
import { PREFERENCE_COLUMNS, type TsvRecord } from "../formats/result-tsv";
import { OrderedObject, dumpJsonIndented, keysInFileOrder, parseJsonInput } from "../json-text";
import { formatToolNamesCell, parseToolNamesCell, toolNames } from "./result-cells";
import type { PreferenceCounts, PreferenceLabel, PreferenceRow } from "./result-types";
import { renderSteps } from "../steps";
import { writeTsv } from "./tsv";
import type { ConvertedAnswer } from "../types";

const ROUND_KEY = /^round_(\d+)$/;

export type PreferenceModels = { referenceModel: string; candidateModel: string };

/**
 * Reads a preference JSON file `{qid: {<ref>: n, <candidate>: n, round_i: "complete"|…}}`. ToolEval
 * writes the reference counter first, so without explicit names the file order decides.
 */
export const readPreferenceJson = (
  input: unknown,
  { referenceModel, candidateModel, ...context }: FileContext & Partial<PreferenceModels> = {},
): PreferenceModels & { entries: PreferenceCounts[] } => {
  const file: PreferenceFile = unwrapResult(safeParsePreferenceJson(parseJsonInput(input, context), context));
  const queryIds = keysInFileOrder(file);
  const first = queryIds[0] === undefined ? {} : file[queryIds[0]]!;
  const inFile = keysInFileOrder(first).filter((key) => !ROUND_KEY.test(key));
  const reference = referenceModel ?? inFile.find((name) => name !== candidateModel);
  const candidate = candidateModel ?? inFile.find((name) => name !== reference);
  if (queryIds.length === 0) return { referenceModel: reference ?? "", candidateModel: candidate ?? "", entries: [] };
  for (const name of [reference, candidate]) {
    if (name === undefined || !inFile.includes(name)) {
      failFormat({ file: context.file, queryId: queryIds[0], path: "", message: `no counter for model "${name}"` });
    }
  }
  const entries = queryIds.map((queryId) => {
    const record = file[queryId]!;
    const rounds = keysInFileOrder(record).flatMap((key) => {
      const match = ROUND_KEY.exec(key);

      return match ? [{ round: Number(match[1]), complete: record[key] === "complete" }] : [];
    });

    return { queryId, reference: record[reference!] as number, candidate: record[candidate!] as number, rounds };
  });

  return { referenceModel: reference!, candidateModel: candidate!, entries };
};

/** `json.dump(prefer_dict, ensure_ascii=False, indent=4)` as ToolEval's eval_preference writes it. */
export const writePreferenceJson = ({
  referenceModel,
  candidateModel,
  entries,
}: PreferenceModels & { entries: readonly PreferenceCounts[] }): string =>
  dumpJsonIndented(
    new OrderedObject(
      entries.map(({ queryId, reference, candidate, rounds }) => [
        queryId,
        new OrderedObject([
          [referenceModel, reference],
          [candidateModel, candidate],
          ...rounds.map(({ round, complete }) => [`round_${round}`, complete ? "complete" : "incomplete"] as const),
        ]),
      ]),
    ),
  );

/** A TSV row from both converted answers; query and tool names come from the reference answer. */
export const preferenceRowFromAnswers = ({
  queryId,
  reference,
  candidate,
  label,
}: {
  queryId: string;
  reference: ConvertedAnswer;
  candidate: ConvertedAnswer;
  label: PreferenceLabel;
}): PreferenceRow => ({
  queryId,
  query: reference.query,
  toolNames: toolNames(reference.available_tools),
  reference: renderSteps(reference.answer),
  candidate: renderSteps(candidate.answer),
  label,
});

/** The preference TSV (spec §1.6), rows in the given order. */
export const writePreferenceTsv = ({
  referenceModel,
  candidateModel,
  rows,
}: PreferenceModels & { rows: readonly PreferenceRow[] }): string =>
  writeTsv([
    [...PREFERENCE_COLUMNS],
    ...rows.map((row) => [
      row.query,
      formatToolNamesCell(row.toolNames),
      row.reference.answerSteps,
      row.reference.finalStep,
      row.candidate.answerSteps,
      row.candidate.finalStep,
      String(row.label),
      row.queryId,
      referenceModel,
      candidateModel,
    ]),
  ]);

/** Normalises validated preference TSV rows (see `safeParseResultTsv`); models from the first row. */
export const preferenceRowsFromTsv = (
  records: readonly TsvRecord[],
  context: FileContext = {},
): PreferenceModels & { rows: PreferenceRow[] } => {
  const referenceModel = records[0]?.ref_model ?? "";
  const candidateModel = records[0]?.output_model ?? "";
  const rows = records.map((record, index) => {
    if (record.ref_model !== referenceModel || record.output_model !== candidateModel) {
      failFormat({ file: context.file, queryId: record.query_id, path: `row ${index + 1}`, message: "the model columns differ from the first row" });
    }

    return {
      queryId: record.query_id!,
      query: record.query!,
      toolNames: parseToolNamesCell(record.available_tools!),
      reference: { answerSteps: record.ref_model_intermediate_steps!, finalStep: record.ref_model_final_step! },
      candidate: { answerSteps: record.output_model_intermediate_steps!, finalStep: record.output_model_final_step! },
      label: Number(record.preference_label) as PreferenceLabel,
    };
  });

  return { referenceModel, candidateModel, rows };
};
