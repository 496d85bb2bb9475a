import fs from "node:fs";
import path from "node:path";
import { DEFAULT_CONVERT_SEED, convertRawAnswer } from "./convert";
import { failFormat } from "../formats/format-error";
import type { ConvertedAnswerFile } from "../types";

/** ToolEval's query id of an answer file: the name up to the first underscore (`588_CoT@1.json`). */
export const answerFileQueryId = (fileName: string): string => fileName.split("_")[0]!;

/**
 * The answer files ToolEval converts for a method: `.json` names containing the method string
 * anywhere (a substring test, as in ToolEval), sorted so the output never depends on the file system.
 */
export const selectAnswerFiles = (fileNames: readonly string[], method: string): string[] =>
  fileNames.filter((name) => name.endsWith(".json") && name.includes(method)).sort();

const listFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.isDirectory()).map((entry) => entry.name);

const readJson = (file: string, label: string): unknown => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return failFormat({ file: label, path: "", message: `cannot read JSON: ${(error as Error).message}` });
  }
};

/**
 * Converts every answer file of `dir` for `method` (spec §1.4) into one converted-answer object
 * keyed by query id. Throws a `FormatError` naming the first file that cannot be converted, and
 * also when two files map to the same query id (ToolEval silently kept the last one).
 */
export const convertAnswerDir = ({
  dir,
  method,
  seed = DEFAULT_CONVERT_SEED,
}: {
  dir: string;
  method: string;
  seed?: string | number;
}): ConvertedAnswerFile => {
  const converted: ConvertedAnswerFile = {};
  const sources = new Map<string, string>();
  for (const name of selectAnswerFiles(listFiles(dir), method)) {
    const queryId = answerFileQueryId(name);
    const earlier = sources.get(queryId);
    if (earlier) failFormat({ file: name, queryId, path: "", message: `query id already taken by ${earlier}` });
    sources.set(queryId, name);
    const raw = readJson(path.join(dir, name), name);
    converted[queryId] = convertRawAnswer(raw, { method, queryId, seed, file: name });
  }

  return converted;
};
