import { readTsv } from "../results/tsv";
import { tsvKindOfHeader } from "./result-tsv";

export type DetectedFormat =
  | { kind: "raw-answer" }
  | { kind: "converted-answers" }
  | { kind: "queries" }
  | { kind: "test-ids" }
  | { kind: "pass-rate"; variant: "stabletoolbench" | "toolbench"; encoding: "json" | "tsv" }
  | { kind: "preference"; encoding: "json" | "tsv" }
  | { kind: "unknown"; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const detectTsv = (text: string): DetectedFormat => {
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? "";
  let header: string[] = [];
  try {
    header = readTsv(firstLine)[0] ?? [];
  } catch {
    return { kind: "unknown", reason: "the first line is not a TSV header" };
  }
  const kind = tsvKindOfHeader(header);
  if (kind === "preference") return { kind: "preference", encoding: "tsv" };
  if (kind === "stabletoolbench-pass-rate") return { kind: "pass-rate", variant: "stabletoolbench", encoding: "tsv" };
  if (kind === "toolbench-pass-rate") return { kind: "pass-rate", variant: "toolbench", encoding: "tsv" };

  return { kind: "unknown", reason: "the header row is not one of ToolEval's result files" };
};

/** Classifies the first record of an object keyed by query id. */
const detectKeyed = (record: Record<string, unknown>): DetectedFormat => {
  if ("answer" in record && "available_tools" in record) return { kind: "converted-answers" };
  if (isRecord(record.is_solved)) return { kind: "pass-rate", variant: "stabletoolbench", encoding: "json" };
  if (typeof record.is_solved === "string" && "passed" in record) {
    return { kind: "pass-rate", variant: "toolbench", encoding: "json" };
  }
  if (Object.keys(record).some((key) => /^round_\d+$/.test(key))) return { kind: "preference", encoding: "json" };

  return { kind: "unknown", reason: `records with keys ${Object.keys(record).slice(0, 6).join(", ")} are not recognised` };
};

/**
 * Tells ToolEval's file formats apart by content (the name only decides whether text is JSON or
 * TSV): raw answer, converted answers, query file, test ids, pass-rate or preference result. A
 * recognised kind is a guess from the first record; validate with the matching `safeParse…`.
 */
export const detectFormat = (fileName: string, content: unknown): DetectedFormat => {
  let value = content;
  if (typeof content === "string") {
    const looksLikeJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(content);
    if (!looksLikeJson) return detectTsv(content);
    try {
      value = JSON.parse(content);
    } catch (error) {
      return { kind: "unknown", reason: `not valid JSON: ${(error as Error).message}` };
    }
  }
  if (Array.isArray(value)) {
    const first = value[0];
    if (isRecord(first) && "query_id" in first && "query" in first) return { kind: "queries" };

    return { kind: "unknown", reason: value.length === 0 ? "an empty list" : "a list whose items are not query records" };
  }
  if (!isRecord(value)) return { kind: "unknown", reason: "neither a JSON object nor a list" };
  if ("answer_generation" in value) return { kind: "raw-answer" };
  const values = Object.values(value);
  if (values.length === 0) return { kind: "unknown", reason: "an empty object" };
  if (values.every((item) => typeof item === "number")) return { kind: "test-ids" };
  if (!isRecord(values[0])) return { kind: "unknown", reason: "the values are not per-query records" };

  return detectKeyed(values[0]);
};
