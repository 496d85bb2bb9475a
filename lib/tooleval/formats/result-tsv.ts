import {
  answerStatusFromText,
  parseRoundsCell,
  parseToolNamesCell,
  taskStatusFromText,
} from "../results/result-cells";
import { readTsv } from "../results/tsv";
import { type FileContext, type FormatIssue, MAX_ISSUES, type SafeParseResult } from "./format-error";

/** Column headers, in the order ToolEval writes them (spec §1.6). */
export const STABLE_PASS_RATE_COLUMNS = [
  "query",
  "available_tools",
  "model_intermediate_steps",
  "model_final_step",
  "model",
  "query_id",
  "is_solved",
] as const;

export const TOOLBENCH_PASS_RATE_COLUMNS = [
  "query",
  "solvable",
  "available_tools",
  "model_intermediate_steps",
  "model_final_step",
  "model",
  "query_id",
  "is_solved",
  "pass_rate_label",
  "reason",
  "not_hallucinate",
] as const;

export const PREFERENCE_COLUMNS = [
  "query",
  "available_tools",
  "ref_model_intermediate_steps",
  "ref_model_final_step",
  "output_model_intermediate_steps",
  "output_model_final_step",
  "preference_label",
  "query_id",
  "ref_model",
  "output_model",
] as const;

export type TsvKind = "stabletoolbench-pass-rate" | "toolbench-pass-rate" | "preference";

const COLUMNS: Record<TsvKind, readonly string[]> = {
  "stabletoolbench-pass-rate": STABLE_PASS_RATE_COLUMNS,
  "toolbench-pass-rate": TOOLBENCH_PASS_RATE_COLUMNS,
  preference: PREFERENCE_COLUMNS,
};

/** Which result TSV a header row belongs to. ToolEval finds columns by name, so order is free. */
export const tsvKindOfHeader = (header: readonly string[]): TsvKind | undefined => {
  const names = [...header].sort().join("\t");

  return (Object.keys(COLUMNS) as TsvKind[]).find((kind) => [...COLUMNS[kind]].sort().join("\t") === names);
};

/** A row as column → cell text. */
export type TsvRecord = Record<string, string>;

const attempt = (check: () => unknown): string | undefined => {
  try {
    check();

    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

/** Checks one cell; returns a problem description or undefined. */
const checkCell = (column: string, cell: string): string | undefined => {
  const oneOf = (allowed: string[]) => (allowed.includes(cell) ? undefined : `expected one of ${allowed.join(", ")}`);
  switch (column) {
    case "query_id":
      return /^\d+$/.test(cell) ? undefined : "expected an integer query id";
    case "available_tools":
      return attempt(() => parseToolNamesCell(cell));
    case "solvable":
      return taskStatusFromText(cell) ? undefined : "expected TaskStatus.Solvable, Unsolvable or Unsure";
    case "pass_rate_label":
      return oneOf(["passed", "failed"]);
    case "not_hallucinate":
      return oneOf(["True", "False"]);
    case "preference_label":
      return oneOf(["1", "2", "3"]);
    default:
      return undefined;
  }
};

const checkIsSolved = (kind: TsvKind, cell: string): string | undefined => {
  if (kind === "toolbench-pass-rate") {
    return answerStatusFromText(cell) ? undefined : "expected AnswerStatus.Solved, Unsolved or Unsure";
  }

  return attempt(() => parseRoundsCell(cell));
};

/**
 * Validates a ToolEval result TSV (pass rate of either benchmark, or preference) and returns its
 * kind and rows. Issues name the data row (1-based) and column, and the row's query id.
 */
export const safeParseResultTsv = (
  text: string,
  context: FileContext = {},
): SafeParseResult<{ kind: TsvKind; rows: TsvRecord[] }> => {
  const fail = (issues: FormatIssue[]) => ({
    success: false as const,
    issues: issues.slice(0, MAX_ISSUES),
    issueCount: issues.length,
  });
  let table: string[][];
  try {
    table = readTsv(text);
  } catch (error) {
    return fail([{ file: context.file, path: "", message: (error as Error).message }]);
  }
  const [header = [], ...body] = table;
  const kind = tsvKindOfHeader(header);
  if (!kind) {
    return fail([{ file: context.file, path: "header", message: `unrecognised columns: ${header.join(", ")}` }]);
  }
  const issues: FormatIssue[] = [];
  const rows = body.map((cells, index) => {
    const record: TsvRecord = Object.fromEntries(header.map((column, at) => [column, cells[at] ?? ""]));
    const locate = (column: string, message: string): FormatIssue => ({
      file: context.file,
      queryId: record.query_id || undefined,
      path: `row ${index + 1}${column ? `, column ${column}` : ""}`,
      message,
    });
    if (cells.length !== header.length) {
      issues.push(locate("", `expected ${header.length} fields, found ${cells.length}`));
    }
    for (const column of header) {
      const problem = column === "is_solved" ? checkIsSolved(kind, record[column]!) : checkCell(column, record[column]!);
      if (problem) issues.push(locate(column, problem));
    }

    return record;
  });
  if (issues.length > 0) return fail(issues);

  return { success: true, data: { kind, rows } };
};
