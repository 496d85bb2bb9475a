import { TEST_SETS } from "../tooleval/types";
import type { Entry } from "./entries";
import { guessMethodFromNames, mostCommon } from "./guess";
import { readEntryAnswers } from "./read-answers";
import { buildReport, compareTestSets, MAX_FAILURES, type UploadFailure, type UploadReport } from "./report";
import { createSetWriter, type StagedSet } from "./staged-sets";

/** A benchmark as the analysis needs it: test set name → query ids. */
export type BenchmarkSets = { id: string; name: string; sets: ReadonlyMap<string, ReadonlySet<string>> };

/** A staged set with what its SubmissionSet row records. */
export type AnalyzedSet = StagedSet & { unknownQueryIds: string[]; missingCount: number };

export type Analysis = {
  report: UploadReport;
  /** Staged sets (empty unless the report is ok). */
  sets: AnalyzedSet[];
  /** The method raw answers were converted with; null when the upload had only converted files. */
  conversionMethod: string | null;
};

export type Progress = (processed: number, total: number) => void;

/**
 * Reads every entry of an upload one at a time: converts raw answers, validates converted files,
 * refuses duplicates, and compares the result with the benchmark. While nothing has failed, the
 * converted answers are appended to per-set files in `dir`; the caller deletes `dir` when the report
 * is not ok. Size and archive refusals are thrown (the whole upload is refused).
 */
export const analyzeEntries = async ({
  entries,
  benchmark,
  method,
  testSet,
  dir,
  onProgress,
}: {
  entries: Entry[];
  benchmark: BenchmarkSets;
  /** The method to convert raw answers with; guessed from the file names when absent. */
  method?: string;
  /** The test set of files whose path names none. */
  testSet?: string;
  dir: string;
  onProgress?: Progress;
}): Promise<Analysis> => {
  const setNames = new Set<string>([...TEST_SETS, ...benchmark.sets.keys()]);
  const nameGuess = guessMethodFromNames(entries.map((entry) => entry.path));
  const conversionMethod = method ?? nameGuess;
  const writer = createSetWriter(dir);
  const failures: UploadFailure[] = [];
  let failureCount = 0;
  const fail = (failure: UploadFailure) => {
    failureCount += 1;
    if (failures.length < MAX_FAILURES) failures.push(failure);
  };
  const seen = new Map<string, Map<string, string>>();
  const models: (string | undefined)[] = [];
  const answerMethods: string[] = [];
  const files = { total: entries.length, raw: 0, converted: 0, failed: 0 };

  for (const [index, entry] of entries.entries()) {
    const outcome = await readEntryAnswers({ entry, method: conversionMethod, testSet, setNames });
    if (!outcome.ok) {
      files.failed += 1;
      outcome.failures.forEach(fail);
    } else {
      files[outcome.kind] += 1;
      models.push(outcome.model);
      const ids = seen.get(outcome.testSet) ?? new Map<string, string>();
      seen.set(outcome.testSet, ids);
      for (const answer of outcome.answers) {
        answerMethods.push(answer.answer.answer.method);
        const earlier = ids.get(answer.queryId);
        if (earlier !== undefined) {
          fail({ file: entry.path, queryId: answer.queryId, path: "", message: `query ${answer.queryId} of ${outcome.testSet} is answered twice (also in ${earlier})` });
          continue;
        }
        ids.set(answer.queryId, entry.path);
        // Once anything failed nothing will be stored: keep validating, stop writing.
        if (failureCount === 0) await writer.add(outcome.testSet, answer);
      }
    }
    onProgress?.(index + 1, entries.length);
  }

  const staged = (await writer.finish()).sort((a, b) => compareTestSets(a.testSet, b.testSet));
  const hasRaw = files.raw > 0;
  const report = buildReport({
    benchmark: benchmark.name,
    benchmarkSets: benchmark.sets,
    answered: new Map([...seen.entries()].map(([set, ids]) => [set, [...ids.keys()]])),
    failures,
    failureCount,
    files,
    method: hasRaw ? conversionMethod : null,
    guesses: { model: mostCommon(models), method: nameGuess ?? mostCommon(answerMethods) },
  });
  const sets = report.ok
    ? staged.map((set) => {
        const line = report.sets.find((candidate) => candidate.testSet === set.testSet)!;

        return { ...set, unknownQueryIds: line.unknownQueryIds, missingCount: line.missingCount };
      })
    : [];

  return { report, sets, conversionMethod: hasRaw ? conversionMethod : null };
};
