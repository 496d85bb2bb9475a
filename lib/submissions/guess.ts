import { baseName, folderSegments } from "./entry-path";

/**
 * Guesses from names, as ToolBench lays files out: `{model}/{test_set}/{query_id}_{method}.json` for
 * raw answers and `{model}/{test_set}.json` for converted files. The guesses only prefill the form.
 */

/** `588_CoT@1.json` → query id 588, method CoT@1. */
const RAW_NAME = /^(\d+)_(.+)\.json$/i;

export const rawFileName = (name: string): { queryId: string; method: string } | undefined => {
  const match = RAW_NAME.exec(baseName(name));

  return match ? { queryId: match[1]!, method: match[2]! } : undefined;
};

/** A zip archive counts as a folder named like the archive. */
const folders = (entryPath: string) => folderSegments(entryPath).map((segment) => segment.replace(/\.zip$/i, ""));

/**
 * The test set of a file: a converted file named after a set, else the innermost folder named after
 * one. Undefined when neither names a set.
 */
export const testSetOfPath = ({ entryPath, setNames, converted }: { entryPath: string; setNames: ReadonlySet<string>; converted: boolean }) => {
  const stem = baseName(entryPath).replace(/\.json$/i, "");
  if (converted && setNames.has(stem)) return stem;

  return folders(entryPath).findLast((segment) => setNames.has(segment));
};

/** The model folder: the one holding the test-set folder (raw) or the converted file. */
export const modelOfPath = ({ entryPath, setNames }: { entryPath: string; setNames: ReadonlySet<string> }): string | undefined => {
  const chain = folders(entryPath);
  const setIndex = chain.findLastIndex((segment) => setNames.has(segment));
  const candidates = setIndex >= 0 ? chain.slice(0, setIndex) : chain;

  return candidates.findLast((segment) => !setNames.has(segment));
};

/** The most frequent value (the first seen wins a tie), or null. */
export const mostCommon = (values: readonly (string | undefined)[]): string | null => {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;

  return best;
};

/** The method most raw file names carry, or null when no name looks like a raw answer. */
export const guessMethodFromNames = (paths: readonly string[]) => mostCommon(paths.map((entryPath) => rawFileName(entryPath)?.method));
