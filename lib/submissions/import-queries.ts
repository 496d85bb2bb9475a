import { db } from "../db/client";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { hashCanonical } from "../tooleval/canonical-json";
import { formatIssue, type FormatIssue, type SafeParseResult } from "../tooleval/formats/format-error";
import { safeParseQueryFile, safeParseTestIds, type QueryRecord } from "../tooleval/formats/query-file";
import { TEST_SETS } from "../tooleval/types";

export type TextFile = { name: string; content: string };

export type ImportQueriesResult = {
  benchmark: string;
  testSet: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  benchmarkCreated: boolean;
  testSetCreated: boolean;
};

const invalid = (issues: FormatIssue[], more = 0): never => {
  const lines = issues.slice(0, 10).map(formatIssue);
  const hidden = issues.length - lines.length + more;
  throw new AppError("INVALID_INPUT", [...lines, ...(hidden > 0 ? [`… and ${hidden} more`] : [])].join("\n"));
};

const parseFile = <T>(file: TextFile, parse: (value: unknown, context: { file: string }) => SafeParseResult<T>): T => {
  let value: unknown;
  try {
    value = JSON.parse(file.content.replace(/^\uFEFF/, ""));
  } catch (error) {
    return invalid([{ file: file.name, path: "", message: `not valid JSON (${(error as Error).message})` }]);
  }
  const result = parse(value, { file: file.name });

  return result.success ? result.data : invalid(result.issues, result.issueCount - result.issues.length);
};

const toRow = (record: QueryRecord) => {
  const apiList = record.api_list ?? [];
  const relevantApis = record["relevant APIs"] ?? null;

  return { queryId: String(record.query_id), text: record.query, apiList, relevantApis, contentHash: hashCanonical({ text: record.query, apiList, relevantApis }) };
};

/** The records to import: unique ids, restricted to (and required to cover) the test ids if given. */
const selectRecords = ({ queries, ids }: { queries: TextFile; ids?: TextFile }) => {
  const records = parseFile(queries, safeParseQueryFile);
  const seen = new Set<string>();
  for (const record of records) {
    const id = String(record.query_id);
    if (seen.has(id)) invalid([{ file: queries.name, queryId: id, path: "query_id", message: "this query id appears twice" }]);
    seen.add(id);
  }
  if (!ids) return records;
  const wanted = Object.keys(parseFile(ids, safeParseTestIds));
  const absent = wanted.filter((id) => !seen.has(id));
  if (absent.length > 0) {
    invalid([{ file: ids.name, path: "", message: `${absent.length} test id${absent.length === 1 ? "" : "s"} missing from ${queries.name}: ${absent.slice(0, 10).join(", ")}` }]);
  }
  const keep = new Set(wanted);

  return records.filter((record) => keep.has(String(record.query_id)));
};

/**
 * Imports a ToolBench / StableToolBench query file as a benchmark's test set (spec §1.1), creating
 * the benchmark and the test set when new. Queries are keyed by (test set, query id) and compared by
 * content hash: re-importing the same file writes nothing; a changed query is updated. Queries that
 * are no longer in the file are kept (answers may refer to them).
 */
export const importQueries = async ({ benchmark, testSet, queries, ids }: { benchmark: string; testSet: string; queries: TextFile; ids?: TextFile }): Promise<ImportQueriesResult> => {
  const rows = selectRecords({ queries, ids }).map(toRow);
  if (rows.length === 0) throw new AppError("INVALID_INPUT", `${queries.name} has no queries to import.`);

  return db().$transaction(
    async (tx) => {
      let bench = await tx.benchmark.findUnique({ where: { name: benchmark }, select: { id: true, isDemo: true } });
      if (bench?.isDemo) throw new AppError("CONFLICT", `${benchmark} is the demo benchmark: import into another benchmark.`, { benchmark: ["Demo benchmark"] });
      const benchmarkCreated = !bench;
      bench ??= await tx.benchmark.create({ data: { name: benchmark }, select: { id: true, isDemo: true } });
      let set = await tx.testSet.findUnique({ where: { benchmarkId_name: { benchmarkId: bench.id, name: testSet } }, select: { id: true } });
      const testSetCreated = !set;
      if (!set) {
        const known = TEST_SETS.indexOf(testSet as (typeof TEST_SETS)[number]);
        const position = known >= 0 ? known : TEST_SETS.length + (await tx.testSet.count({ where: { benchmarkId: bench.id } }));
        set = await tx.testSet.create({ data: { benchmarkId: bench.id, name: testSet, position }, select: { id: true } });
      }
      const testSetId = set.id;
      const existing = new Map(
        (await tx.query.findMany({ where: { testSetId }, select: { queryId: true, contentHash: true } })).map((row) => [row.queryId, row.contentHash]),
      );
      const fresh = rows.filter((row) => !existing.has(row.queryId));
      const changed = rows.filter((row) => existing.has(row.queryId) && existing.get(row.queryId) !== row.contentHash);
      const json = (row: (typeof rows)[number]) => ({
        text: row.text,
        apiList: row.apiList as Prisma.InputJsonValue,
        relevantApis: row.relevantApis === null ? Prisma.DbNull : (row.relevantApis as Prisma.InputJsonValue),
        contentHash: row.contentHash,
      });
      if (fresh.length > 0) await tx.query.createMany({ data: fresh.map((row) => ({ testSetId, queryId: row.queryId, ...json(row) })) });
      for (const row of changed) await tx.query.update({ where: { testSetId_queryId: { testSetId, queryId: row.queryId } }, data: json(row) });

      return {
        benchmark,
        testSet,
        total: rows.length,
        created: fresh.length,
        updated: changed.length,
        unchanged: rows.length - fresh.length - changed.length,
        benchmarkCreated,
        testSetCreated,
      };
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
};
