import { convertRawAnswer } from "../tooleval/convert/convert";
import { detectFormat } from "../tooleval/formats/detect-format";
import { FormatError, type FormatIssue } from "../tooleval/formats/format-error";
import { safeParseConvertedAnswers } from "../tooleval/formats/converted-answer";
import type { ConvertedAnswer } from "../tooleval/types";
import { baseName } from "./entry-path";
import type { Entry } from "./entries";
import { modelOfPath, rawFileName, testSetOfPath } from "./guess";
import type { UploadFailure } from "./report";

/** Where a stored answer came from (SolutionPath.origin). `valid` is the raw answer's valid_data. */
export type AnswerOrigin = { file: string; kind: "raw" | "converted"; valid?: boolean };

export type ReadAnswer = { queryId: string; answer: ConvertedAnswer; origin: AnswerOrigin };

export type EntryOutcome =
  | { ok: true; kind: "raw" | "converted"; testSet: string; model?: string; answers: ReadAnswer[] }
  | { ok: false; failures: UploadFailure[] };

const HINTS: Record<string, string> = {
  queries: "a query file: import it as a test set (admin page or `tooleval import queries`)",
  "test-ids": "a test-id file: give it with the query file when importing queries",
  "pass-rate": "a pass-rate result file: import it with `tooleval import results`",
  preference: "a preference result file: import it with `tooleval import results`",
};

/**
 * Exactly what is stored and exported: ToolEval's four answer fields in ToolEval's key order. Extra
 * keys a converted file may carry are not kept.
 */
export const normalizeAnswer = ({ query, available_tools, answer }: ConvertedAnswer): ConvertedAnswer => ({
  query,
  available_tools,
  answer: { method: answer.method, total_steps: answer.total_steps, final_answer: answer.final_answer, answer_details: answer.answer_details },
});

const failed = (...failures: UploadFailure[]): EntryOutcome => ({ ok: false, failures });

const fromIssues = (file: string, issues: FormatIssue[], issueCount = issues.length): UploadFailure[] => [
  ...issues.map((issue) => ({ file, queryId: issue.queryId, path: issue.path, message: issue.message })),
  ...(issueCount > issues.length ? [{ file, path: "", message: `… and ${issueCount - issues.length} more problems in this file` }] : []),
];

const parseJson = (file: string, buffer: Buffer): { value: unknown } | { failure: UploadFailure } => {
  try {
    return { value: JSON.parse(buffer.toString("utf8").replace(/^\uFEFF/, "")) };
  } catch (error) {
    return { failure: { file, path: "", message: `not valid JSON (${(error as Error).message})` } };
  }
};

/**
 * Reads one file of an upload: a raw answer is converted with `method` (ToolEval only converts files
 * whose name contains the method), a converted file is validated. Anything else is a failure that
 * names the file, the query and the JSON path. Size and archive refusals are thrown, not returned.
 */
export const readEntryAnswers = async ({
  entry,
  method,
  testSet: givenSet,
  setNames,
}: {
  entry: Entry;
  method: string | null;
  testSet?: string;
  setNames: ReadonlySet<string>;
}): Promise<EntryOutcome> => {
  const file = entry.path;
  if (/\.zip$/i.test(file)) return failed({ file, path: "", message: "an archive inside an archive is not read: upload it on its own" });
  if (!/\.json$/i.test(file)) return failed({ file, path: "", message: "not a .json file: only answer files (.json) and .zip archives are accepted" });
  const parsed = parseJson(file, await entry.read());
  if ("failure" in parsed) return failed(parsed.failure);
  const format = detectFormat(file, parsed.value);
  if (format.kind !== "raw-answer" && format.kind !== "converted-answers") {
    const message = format.kind === "unknown" ? `not an answer file: ${format.reason}` : `not an answer file but ${HINTS[format.kind]}`;

    return failed({ file, path: "", message });
  }
  const converted = format.kind === "converted-answers";
  const pathSet = testSetOfPath({ entryPath: file, setNames, converted });
  if (pathSet && givenSet && pathSet !== givenSet) {
    return failed({ file, path: "", message: `its path names the test set ${pathSet}, but ${givenSet} was given` });
  }
  const testSet = pathSet ?? givenSet;
  if (!testSet) {
    const how = converted ? "name the file {test_set}.json" : "put it in a folder named after the test set";

    return failed({ file, path: "", message: `cannot tell its test set: ${how}, or give the test set` });
  }
  const model = modelOfPath({ entryPath: file, setNames });

  return converted ? readConverted({ file, value: parsed.value, testSet, model }) : readRaw({ file, value: parsed.value, testSet, model, method });
};

const readConverted = ({ file, value, testSet, model }: { file: string; value: unknown; testSet: string; model?: string }): EntryOutcome => {
  const result = safeParseConvertedAnswers(value, { file });
  if (!result.success) return failed(...fromIssues(file, result.issues, result.issueCount));
  const answers = Object.entries(result.data).map(([queryId, answer]) => ({
    queryId,
    answer: normalizeAnswer(answer),
    origin: { file, kind: "converted" as const },
  }));

  return { ok: true, kind: "converted", testSet, model, answers };
};

const readRaw = ({ file, value, testSet, model, method }: { file: string; value: unknown; testSet: string; model?: string; method: string | null }): EntryOutcome => {
  const name = rawFileName(file);
  if (!name) return failed({ file, path: "", message: "a raw answer must be named {query_id}_{method}.json" });
  if (!method) return failed({ file, path: "", message: "give the method these raw answers were produced with (e.g. CoT@1)" });
  if (!baseName(file).includes(method)) {
    return failed({ file, queryId: name.queryId, path: "", message: `the file name does not contain the method "${method}" (ToolEval converts only files whose name contains it)` });
  }
  try {
    const answer = convertRawAnswer(value, { method, queryId: name.queryId, file });
    const valid = (value as { answer_generation: { valid_data: boolean } }).answer_generation.valid_data;

    return { ok: true, kind: "raw", testSet, model, answers: [{ queryId: name.queryId, answer: normalizeAnswer(answer), origin: { file, kind: "raw", valid } }] };
  } catch (error) {
    if (error instanceof FormatError) return failed(...fromIssues(file, error.issues, error.issueCount));

    return failed({ file, queryId: name.queryId, path: "", message: `cannot convert: ${(error as Error).message}` });
  }
};
