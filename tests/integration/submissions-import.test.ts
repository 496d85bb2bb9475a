import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { getBoards } from "../../lib/leaderboard/queries";
import { formatScore } from "../../lib/leaderboard/format";
import { importQueries } from "../../lib/submissions/import-queries";
import { importPassRateResults, importPreferenceResults } from "../../lib/submissions/import-results";
import { TEST_SETS } from "../../lib/tooleval/types";
import { STB_EXAMPLE, STB_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "./db";
import { BENCHMARK, importSet, QUERIES, readText, submitPath, tempDir, useTempDataDir } from "./submissions-helpers";

useTempDataDir();
useTestDatabase();

const RESULTS = path.join(STB_EXAMPLE, "pass_rate_results");
const PREFERENCE = path.join(STB_EXAMPLE, "preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs");
const timed = async <T>(label: string, body: () => Promise<T>) => {
  const started = performance.now();
  const result = await body();
  const seconds = (performance.now() - started) / 1000;
  console.info(`[measure] ${label}: ${seconds.toFixed(2)} s`);

  return { result, seconds };
};

describe("importing queries", () => {
  it("imports the 765 StableToolBench queries in seconds, and re-importing changes nothing", async () => {
    const { result, seconds } = await timed("import of the 765 StableToolBench queries (6 files)", async () => {
      const out = [];
      for (const set of TEST_SETS) out.push(await importSet(set));

      return out;
    });
    expect(result.map((set) => set.created)).toEqual([163, 153, 158, 106, 124, 61]);
    expect(seconds).toBeLessThan(20);
    const stored = await db().query.findFirstOrThrow({ where: { queryId: "588" }, select: { text: true, apiList: true, relevantApis: true } });
    expect(stored.text).toMatch(/\S/);
    expect(Array.isArray(stored.apiList)).toBe(true);

    const before = await db().query.findMany({ select: { id: true, contentHash: true, createdAt: true }, orderBy: { id: "asc" } });
    const { result: again } = await timed("re-import of the 765 queries (no changes)", async () => Promise.all(TEST_SETS.map((set) => importSet(set))));
    expect(again.map(({ created, updated, unchanged }) => [created, updated, unchanged])).toEqual(
      [163, 153, 158, 106, 124, 61].map((count) => [0, 0, count]),
    );
    expect(await db().query.findMany({ select: { id: true, contentHash: true, createdAt: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("restricts to the test ids, updates changed queries, and names the file and field of a bad record", async () => {
    const example = path.join(STB_FIXTURES, "solvable_queries_example");
    const restricted = await importQueries({
      benchmark: "Subset",
      testSet: "G1_instruction",
      queries: readText(path.join(QUERIES, "test_instruction/G1_instruction.json")),
      ids: readText(path.join(example, "test_query_ids/G1_instruction.json")),
    });
    expect(restricted).toMatchObject({ total: 3, created: 3, benchmarkCreated: true, testSetCreated: true });
    const records = JSON.parse(fs.readFileSync(path.join(example, "test_instruction/G1_instruction.json"), "utf8"));
    records[0].query = "changed text";
    const updated = await importQueries({ benchmark: "Subset", testSet: "G1_instruction", queries: { name: "edited.json", content: JSON.stringify(records) } });
    expect(updated).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    records[1].query_id = "not a number";
    await expect(importQueries({ benchmark: "Subset", testSet: "G1_instruction", queries: { name: "bad.json", content: JSON.stringify(records) } })).rejects.toThrow(
      /bad\.json: .*\[1\]\.query_id: expected number, received string/,
    );
    await expect(
      importQueries({ benchmark: "Subset", testSet: "G1_tool", queries: { name: "q.json", content: "[]" }, ids: { name: "ids.json", content: '{"1": 0}' } }),
    ).rejects.toThrow(/1 test id missing from q\.json: 1/);
  });

  it("stores 765 converted answers (one file per test set) in seconds", async () => {
    const source = JSON.parse(fs.readFileSync(path.join(STB_EXAMPLE, "model_predictions_converted/virtual_chatgpt_dfs/G1_instruction.json"), "utf8"));
    const answers = Object.values(source);
    const folder = path.join(tempDir(), "replicated_765");
    fs.mkdirSync(folder);
    let count = 0;
    for (const set of TEST_SETS) {
      const ids = Object.keys(JSON.parse(fs.readFileSync(path.join(QUERIES, "test_query_ids", `${set}.json`), "utf8")));
      fs.writeFileSync(path.join(folder, `${set}.json`), JSON.stringify(Object.fromEntries(ids.map((id, index) => [id, answers[index % answers.length]]))));
      count += ids.length;
    }
    expect(count).toBe(765);
    const { result, seconds } = await timed(`check + store of 765 converted answers (6 files, ${(TEST_SETS.reduce((sum, set) => sum + fs.statSync(path.join(folder, `${set}.json`)).size, 0) / 1e6).toFixed(1)} MB)`, () => submitPath(folder, { method: "DFS_woFilter_w2", benchmark: BENCHMARK }));
    expect(result.stored!.sets.map((set) => set.answers)).toEqual([163, 153, 158, 106, 124, 61]);
    expect(result.checked.report.sets.every((set) => set.unknownQueryIds.length === 0 && set.missingCount === 0)).toBe(true);
    expect(seconds).toBeLessThan(30);
  });
});

describe("importing ToolEval results", () => {
  it("refuses results for a model without stored answers", async () => {
    await expect(
      importPassRateResults({ model: "virtual_chatgpt_cot", testSet: "G1_instruction", judgeName: "gpt-4-turbo", file: readText(path.join(RESULTS, "virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json")) }),
    ).rejects.toThrow(/Upload virtual_chatgpt_cot's answers for G1_instruction first/);
  });

  it("shows the fixture numbers on the leaderboard: SoPR 66.7 ± 0.0 and 100.0 ± 0.0, DFS wins 100 against CoT", async () => {
    for (const model of ["virtual_chatgpt_cot", "virtual_chatgpt_dfs"]) await submitPath(path.join(STB_EXAMPLE, "answer", model), { benchmark: BENCHMARK });
    const judgeName = "gpt-4-turbo-2024-04-09 (StableToolBench)";
    const imported = [];
    for (const model of ["virtual_chatgpt_cot", "virtual_chatgpt_dfs"]) {
      const file = readText(path.join(RESULTS, model, `G1_instruction_${model}.json`));
      imported.push(await importPassRateResults({ model, testSet: "G1_instruction", judgeName, file }));
    }
    expect(imported.map((run) => [run.protocol, run.evaluateTimes, run.deduplicated])).toEqual([["sopr", 3, false], ["sopr", 3, false]]);
    const preference = await importPreferenceResults({
      reference: "virtual_chatgpt_cot",
      candidate: "virtual_chatgpt_dfs",
      testSet: "G1_instruction",
      judgeName,
      file: readText(`${PREFERENCE}.json`),
    });
    expect(preference.result).toMatchObject({ n: 3, wins: 3, ties: 0, losses: 0, winRate: 100 });

    const boards = (await getBoards()).filter((board) => board.benchmark === BENCHMARK);
    const passRate = boards.find((board) => board.kind === "pass_rate")!;
    expect(passRate).toMatchObject({ protocol: "sopr", judge: judgeName, isDemo: false });
    const cell = (model: string) => passRate.rows.find((row) => row.model === model)!.cells.G1_instruction!;
    expect(formatScore(cell("virtual_chatgpt_cot").value, cell("virtual_chatgpt_cot").std)).toBe("66.7 ± 0.0");
    expect(formatScore(cell("virtual_chatgpt_dfs").value, cell("virtual_chatgpt_dfs").std)).toBe("100.0 ± 0.0");
    expect(cell("virtual_chatgpt_dfs").version).toBe(1);
    const winRate = boards.find((board) => board.kind === "preference")!;
    expect(winRate.reference).toBe("virtual_chatgpt_cot");
    expect(winRate.rows.map((row) => [row.model, row.cells.G1_instruction!.value])).toEqual([["virtual_chatgpt_dfs", 100]]);

    const run = await db().evalRun.findUniqueOrThrow({ where: { id: imported[0]!.runId }, include: { items: true, judgments: true } });
    expect(run).toMatchObject({ imported: true, status: "COMPLETED", judgeName, judgeConfigId: null, evaluateTimes: 3, totalItems: 9, doneItems: 9 });
    expect(run.judgments.every((judgment) => judgment.stage === "imported" && judgment.reason === "imported from G1_instruction_virtual_chatgpt_cot.json")).toBe(true);
    expect(run.items.filter((item) => item.queryId === "588").map((item) => item.outcome)).toEqual(["Unsolved", "Unsolved", "Unsolved"]);
  });

  it("reads the TSV forms too, and the same file again returns the same run", async () => {
    const judgeName = "tsv judge";
    const tsv = await importPassRateResults({ model: "virtual_chatgpt_cot", testSet: "G1_instruction", judgeName, file: readText(path.join(RESULTS, "virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.csv")) });
    expect(tsv.result).toMatchObject({ passRate: expect.closeTo(66.667, 2), std: 0, answered: 3 });
    const again = await importPassRateResults({ model: "virtual_chatgpt_cot", testSet: "G1_instruction", judgeName, file: readText(path.join(RESULTS, "virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.csv")) });
    expect(again).toMatchObject({ runId: tsv.runId, deduplicated: true });
    const preference = await importPreferenceResults({ reference: "virtual_chatgpt_cot", candidate: "virtual_chatgpt_dfs", testSet: "G1_instruction", judgeName, file: readText(`${PREFERENCE}.csv`) });
    expect(preference.result).toMatchObject({ wins: 3, winRate: 100 });
    await expect(
      importPreferenceResults({ reference: "virtual_chatgpt_cot", candidate: "someone_else", testSet: "G1_instruction", judgeName, file: readText(`${PREFERENCE}.json`) }),
    ).rejects.toThrow(/the models given do not match/);
  });
});
