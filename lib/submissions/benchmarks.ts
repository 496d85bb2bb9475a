import { db } from "../db/client";
import { AppError } from "../errors";
import type { BenchmarkSets } from "./analyze";

/** Benchmarks for pickers: real ones first, with their test sets' query counts. */
export const listBenchmarks = async () => {
  const benchmarks = await db().benchmark.findMany({
    orderBy: [{ isDemo: "asc" }, { name: "asc" }],
    select: { id: true, name: true, isDemo: true, testSets: { orderBy: { position: "asc" }, select: { name: true, _count: { select: { queries: true } } } } },
  });

  return benchmarks.map(({ testSets, ...benchmark }) => ({ ...benchmark, sets: testSets.map((set) => ({ name: set.name, queries: set._count.queries })) }));
};

/** The benchmark an upload is checked against when none is named: the only real one. */
export const defaultBenchmarkName = async (): Promise<string> => {
  const real = await db().benchmark.findMany({ where: { isDemo: false }, select: { name: true }, orderBy: { name: "asc" } });
  if (real.length === 1) return real[0]!.name;
  if (real.length === 0) throw new AppError("INVALID_INPUT", "There is no benchmark yet: an admin imports the test queries first (admin page or `tooleval import queries`).");

  throw new AppError("INVALID_INPUT", `Choose a benchmark: ${real.map((benchmark) => benchmark.name).join(", ")}.`, { benchmark: ["Choose a benchmark"] });
};

/** A benchmark with the query ids of each test set; the default one when `name` is absent. */
export const loadBenchmarkSets = async ({ name }: { name?: string }): Promise<BenchmarkSets> => {
  const benchmarkName = name ?? (await defaultBenchmarkName());
  const benchmark = await db().benchmark.findUnique({
    where: { name: benchmarkName },
    select: { id: true, name: true, isDemo: true, testSets: { select: { id: true, name: true } } },
  });
  if (!benchmark) throw new AppError("NOT_FOUND", `No benchmark named ${benchmarkName}.`, { benchmark: ["Unknown benchmark"] });
  if (benchmark.isDemo) throw new AppError("INVALID_INPUT", `${benchmark.name} is the made-up demo benchmark: upload to a real one.`, { benchmark: ["Demo benchmark"] });
  const names = new Map(benchmark.testSets.map((set) => [set.id, set.name]));
  const sets = new Map<string, Set<string>>(benchmark.testSets.map((set) => [set.name, new Set<string>()]));
  const queries = await db().query.findMany({ where: { testSetId: { in: [...names.keys()] } }, select: { testSetId: true, queryId: true } });
  for (const query of queries) sets.get(names.get(query.testSetId)!)!.add(query.queryId);

  return { id: benchmark.id, name: benchmark.name, sets };
};
