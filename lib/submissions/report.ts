import { TEST_SETS } from "../tooleval/types";

/**
 * The validation report shown before anything is stored. Pure: it compares what was read with the
 * benchmark's test sets and decides whether the upload may be stored.
 */

/** A file (or one query of it) that cannot be stored, located as precisely as the file allows. */
export type UploadFailure = { file: string; queryId?: string; path: string; message: string };

export type SetReport = {
  testSet: string;
  answers: number;
  /** Queries of the benchmark's test set (0 when the benchmark has no such set). */
  queries: number;
  /** Answered ids the benchmark does not know; stored, but not judged. */
  unknownQueryIds: string[];
  missingCount: number;
  /** The first missing ids, for display. */
  missingQueryIds: string[];
};

export type UploadReport = {
  ok: boolean;
  benchmark: string;
  /** The method raw answers were converted with (null when there were none). */
  method: string | null;
  guesses: { model: string | null; method: string | null };
  files: { total: number; raw: number; converted: number; failed: number };
  sets: SetReport[];
  failures: UploadFailure[];
  /** All failures; `failures` lists the first MAX_FAILURES. */
  failureCount: number;
};

export const MAX_FAILURES = 200;
const MAX_MISSING_SHOWN = 50;

const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

const setPosition = (name: string) => {
  const index = TEST_SETS.indexOf(name as (typeof TEST_SETS)[number]);

  return index === -1 ? TEST_SETS.length : index;
};

/** ToolEval's order of the six test groups, other names after them alphabetically. */
export const compareTestSets = (a: string, b: string) => setPosition(a) - setPosition(b) || a.localeCompare(b);

export const buildReport = ({
  benchmark,
  benchmarkSets,
  answered,
  failures,
  failureCount = failures.length,
  files,
  method,
  guesses,
}: {
  benchmark: string;
  /** Test set name → its query ids. */
  benchmarkSets: ReadonlyMap<string, ReadonlySet<string>>;
  /** Test set name → the answered query ids. */
  answered: ReadonlyMap<string, readonly string[]>;
  failures: UploadFailure[];
  failureCount?: number;
  files: UploadReport["files"];
  method: string | null;
  guesses: UploadReport["guesses"];
}): UploadReport => {
  const extra: UploadFailure[] = [];
  const sets = [...answered.entries()]
    .sort(([a], [b]) => compareTestSets(a, b))
    .map(([testSet, queryIds]): SetReport => {
      const known = benchmarkSets.get(testSet);
      if (!known) {
        extra.push({ file: testSet, path: "", message: `the benchmark ${benchmark} has no test set ${testSet}: import its queries first` });
      }
      const ids = new Set(queryIds);
      const missing = [...(known ?? [])].filter((id) => !ids.has(id)).sort(byNumber);

      return {
        testSet,
        answers: queryIds.length,
        queries: known?.size ?? 0,
        unknownQueryIds: known ? queryIds.filter((id) => !known.has(id)).sort(byNumber) : [],
        missingCount: missing.length,
        missingQueryIds: missing.slice(0, MAX_MISSING_SHOWN),
      };
    });
  const answers = sets.reduce((sum, set) => sum + set.answers, 0);
  if (answers === 0 && failureCount === 0) extra.push({ file: "", path: "", message: "no answer files found (expected {query_id}_{method}.json or {test_set}.json files)" });
  const all = [...extra, ...failures];

  return {
    ok: all.length === 0 && failureCount === 0,
    benchmark,
    method,
    guesses,
    files,
    sets,
    failures: all.slice(0, MAX_FAILURES),
    failureCount: failureCount + extra.length,
  };
};

/** `file: query 588: answer.total_steps: expected number`, as the CLI prints failures. */
export const formatFailure = ({ file, queryId, path, message }: UploadFailure) =>
  [file || undefined, queryId ? `query ${queryId}` : undefined, path || undefined, message].filter(Boolean).join(": ");

/** A few lines for terminals and logs. */
export const summarizeReport = (report: UploadReport): string[] => [
  ...report.sets.map(
    (set) =>
      `${set.testSet}: ${set.answers} answers, ${set.unknownQueryIds.length} unknown query ids${set.queries ? `, ${set.missingCount} of ${set.queries} test queries missing` : ""}`,
  ),
  ...report.failures.map(formatFailure),
  ...(report.failureCount > report.failures.length ? [`… and ${report.failureCount - report.failures.length} more failures`] : []),
];
