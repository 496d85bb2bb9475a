import { detectFormat } from "../formats/detect-format";
import { type FileContext, failFormat, unwrapResult } from "../formats/format-error";
import { safeParseResultTsv } from "../formats/result-tsv";
import { readStablePassRateJson, readToolBenchPassRateJson } from "./pass-rate-files";
import { stableEntriesFromTsv, toolBenchEntriesFromTsv } from "./pass-rate-tsv";
import { type PreferenceModels, preferenceRowsFromTsv, readPreferenceJson } from "./preference-files";
import type { PassRateResult, PreferenceResult } from "./result-types";
import { TEST_SETS } from "../types";

export * from "./pass-rate-files";
export * from "./pass-rate-tsv";
export * from "./preference-files";
export * from "./result-cells";
export type * from "./result-types";

/**
 * The model of a pass-rate file named `{test_set}_{model}.json|csv`, as ToolEval names them;
 * undefined when the name does not start with a known test set.
 */
export const modelFromPassRateFileName = (fileName: string): string | undefined => {
  const base = fileName.split(/[\\/]/).at(-1)!.replace(/\.(json|csv|tsv)$/i, "");
  const set = TEST_SETS.find((name) => base.startsWith(`${name}_`));

  return set && base.length > set.length + 1 ? base.slice(set.length + 1) : undefined;
};

/**
 * Reads any pass-rate result file (StableToolBench or ToolBench, JSON or TSV) into its normalised
 * form. `content` is the file text (keeps ToolEval's query and round order) or a parsed JSON value.
 * Throws a `FormatError` naming the file when it is not a valid pass-rate file.
 */
export const readPassRateResult = ({ fileName, content }: { fileName: string; content: unknown }): PassRateResult => {
  const context: FileContext = { file: fileName };
  const format = detectFormat(fileName, content);
  if (format.kind !== "pass-rate") {
    return failFormat({ file: fileName, path: "", message: `not a pass-rate result file (${describeFormat(format)})` });
  }
  if (format.encoding === "tsv") {
    const { rows } = unwrapResult(safeParseResultTsv(String(content), context));
    const model = rows[0]?.model;

    return format.variant === "stabletoolbench"
      ? { variant: "stabletoolbench", model, entries: stableEntriesFromTsv(rows) }
      : { variant: "toolbench", model, entries: toolBenchEntriesFromTsv(rows) };
  }
  const model = modelFromPassRateFileName(fileName);

  return format.variant === "stabletoolbench"
    ? { variant: "stabletoolbench", model, entries: readStablePassRateJson(content, context) }
    : { variant: "toolbench", model, entries: readToolBenchPassRateJson(content, context) };
};

/**
 * Reads a preference result file (JSON counts or TSV labels). Model names default to the file's
 * (JSON: counter order, reference first; TSV: the model columns).
 */
export const readPreferenceResult = ({
  fileName,
  content,
  ...models
}: { fileName: string; content: unknown } & Partial<PreferenceModels>): PreferenceResult => {
  const context: FileContext = { file: fileName };
  const format = detectFormat(fileName, content);
  if (format.kind !== "preference") {
    return failFormat({ file: fileName, path: "", message: `not a preference result file (${describeFormat(format)})` });
  }
  if (format.encoding === "tsv") {
    const { rows } = unwrapResult(safeParseResultTsv(String(content), context));

    return { source: "tsv", ...preferenceRowsFromTsv(rows, context) };
  }

  return { source: "json", ...readPreferenceJson(content, { ...context, ...models }) };
};

const describeFormat = (format: ReturnType<typeof detectFormat>): string =>
  format.kind === "unknown" ? format.reason : `looks like ${format.kind}`;
