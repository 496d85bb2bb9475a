import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { FormatError, failFormat } from "../formats/format-error";
import { safeParseConvertedAnswers } from "../formats/converted-answer";
import { parseTestIds } from "../formats/query-file";
import { parseJsonKeepingOrder } from "../json-text";
import { TEST_SETS, type ConvertedAnswerFile } from "../types";

const readJsonFile = async (file: string, keepOrder = false): Promise<unknown> => {
  const text = await readFile(file, "utf8").catch((error: Error) => failFormat({ file, path: "", message: `cannot read: ${error.message}` }));
  try {
    return keepOrder ? parseJsonKeepingOrder(text) : JSON.parse(text);
  } catch (error) {
    return failFormat({ file, path: "", message: `invalid JSON: ${(error as Error).message}` });
  }
};

/**
 * A converted answer file `DIR/MODEL/SET.json`, validated. The parsed objects themselves are
 * returned (not the validator's copies) so that key order, and thus every `json.dumps` in a prompt,
 * is exactly the file's.
 */
export const loadConvertedAnswers = async (file: string): Promise<ConvertedAnswerFile> => {
  const value = await readJsonFile(file);
  const result = safeParseConvertedAnswers(value, { file });
  if (!result.success) throw new FormatError(result.issues, result.issueCount);

  return value as ConvertedAnswerFile;
};

/** The query ids of a test-id file `{ "<id>": 0, … }`, in file order. */
export const loadTestIds = async (file: string): Promise<string[]> => {
  const value = await readJsonFile(file, true);
  parseTestIds(value, { file });

  return Object.keys(value as object);
};

/** An existing result file in file key order, or undefined when there is none. */
export const loadResultJson = async (file: string): Promise<unknown> => (existsSync(file) ? readJsonFile(file, true) : undefined);

/**
 * The test sets that have a converted file for a model: ToolEval's six in code order first, then any
 * other `*.json` names alphabetically.
 */
export const listAnsweredSets = async (answersDir: string): Promise<string[]> => {
  const names = (await readdir(answersDir).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -5));
  const known = TEST_SETS.filter((set) => names.includes(set));

  return [...known, ...names.filter((name) => !(TEST_SETS as readonly string[]).includes(name)).sort()];
};

/** Writes via a temporary file and a rename, so an interrupted run never leaves a truncated result. */
export const writeFileAtomic = async (file: string, content: string) => {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, "utf8");
  await rename(temporary, file);
};

/**
 * Coalesces save requests: at most one save every `intervalMs` while rounds complete, and a final
 * `flush()`. Saves never overlap.
 */
export const createThrottledSaver = (save: () => Promise<void>, intervalMs = 1000) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const runSave = () => {
    timer = undefined;
    running = running.then(save);

    return running;
  };

  return {
    request: () => {
      timer ??= setTimeout(() => void runSave(), intervalMs);
    },
    flush: async () => {
      if (timer) clearTimeout(timer);

      return runSave();
    },
  };
};
