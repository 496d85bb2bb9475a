import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeJudge, type FakeJudge } from "../../../tests/support/fake-judge-server";
import { safeParseStablePassRateJson, safeParseToolBenchPassRateJson } from "../formats/result-json";
import { safeParseResultTsv } from "../formats/result-tsv";
import { runPassRate, type PassRateRunOptions } from "./pass-rate";
import { CONVERTED, TEST_IDS, fakeJudgeClient, tempDir } from "../../../tests/support/file-mode-fixtures";

let server: FakeJudge;
beforeAll(async () => {
  server = await startFakeJudge();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setConfig({ faultRate: 0, rules: [], maxFaultsPerRequest: Number.POSITIVE_INFINITY, hangMs: 30_000 });
});

const run = async (options: Partial<PassRateRunOptions> & { savePath: string }) =>
  runPassRate({ convertedAnswerPath: CONVERTED, model: "virtual_chatgpt_dfs", testIdsDir: TEST_IDS, evaluateTimes: 3, protocol: "sopr", maxInFlight: 4, saveIntervalMs: 20, ...options });

const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as Record<string, Record<string, unknown>>;

describe("runPassRate (sopr)", () => {
  it("judges every round, writes StableToolBench files and summarises", async () => {
    const savePath = await tempDir();
    const summary = await run({ savePath, judge: fakeJudgeClient(server) });
    const set = summary.sets.G1_instruction!;
    expect(summary).toMatchObject({ protocol: "sopr", model: "virtual_chatgpt_dfs", evaluateTimes: 3 });
    expect(set).toMatchObject({ answered: 3, total: 3, errors: 0 });
    expect(set.rounds).toHaveLength(3);
    expect(summary.average).toEqual({ passRate: set.passRate, std: set.std });
    const json = await readJson(path.join(savePath, "G1_instruction_virtual_chatgpt_dfs.json"));
    expect(safeParseStablePassRateJson(json).success).toBe(true);
    expect(Object.keys(json).sort()).toEqual(["1073", "588", "608"]);
    for (const entry of Object.values(json)) expect(Object.keys(entry.is_solved as object).sort()).toEqual(["0", "1", "2"]);
    const tsv = await readFile(path.join(savePath, "G1_instruction_virtual_chatgpt_dfs.csv"), "utf8");
    expect(tsv.startsWith("query\tavailable_tools\tmodel_intermediate_steps\tmodel_final_step\tmodel\tquery_id\tis_solved\r\n")).toBe(true);
    expect(safeParseResultTsv(tsv).success).toBe(true);
    expect(server.stats().verdictsByFunction.check_answer_status).toBeGreaterThanOrEqual(9);
  });

  it("scores the published SoPR from the judge's labels (DFS all Solved → 100 ± 0)", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }] });
    const summary = await run({ savePath: await tempDir(), judge: fakeJudgeClient(server) });
    expect(summary.sets.G1_instruction).toMatchObject({ passRate: 100, std: 0, rounds: [100, 100, 100], unsure: 0 });
    const cot = await run({ savePath: await tempDir(), model: "virtual_chatgpt_cot", judge: fakeJudgeClient(server) });
    expect(cot.sets.G1_instruction!.passRate.toFixed(2)).toBe("66.67");
  });

  it("resumes: completed rounds are not judged again", async () => {
    const savePath = await tempDir();
    const first = await run({ savePath, judge: fakeJudgeClient(server) });
    server.reset();
    const second = await run({ savePath, judge: fakeJudgeClient(server) });
    expect(server.stats().totalRequests).toBe(0);
    expect(second.sets).toEqual(first.sets);
    const third = await run({ savePath, judge: fakeJudgeClient(server), evaluateTimes: 4 });
    expect(third.sets.G1_instruction!.rounds).toHaveLength(4);
    expect(server.stats().verdictsByFunction.check_answer_status).toBe(3);
    await run({ savePath, judge: fakeJudgeClient(server), overwrite: true });
    expect(server.stats().verdictsByFunction.check_answer_status).toBeGreaterThan(3);
  });

  it("ends with the same numbers when the judge injects 429s, 500s, hangs, resets and malformed arguments", async () => {
    const clean = await run({ savePath: await tempDir(), judge: fakeJudgeClient(server) });
    server.reset();
    server.setConfig({ faultRate: 0.4, maxFaultsPerRequest: 3, hangMs: 5000, retryAfterMs: 1 });
    const faulty = await run({ savePath: await tempDir(), judge: fakeJudgeClient(server, { timeoutMs: 250 }) });
    const injected = server.stats().faultsInjected;
    for (const count of Object.values(injected)) expect(count).toBeGreaterThan(0);
    expect(faulty.sets).toEqual(clean.sets);
  });

  it("counts a judge that keeps failing as errors, leaves those rounds open and resumes them", async () => {
    const savePath = await tempDir();
    server.setConfig({ faultRate: 1, faultKinds: ["server_error"] });
    const errors: string[] = [];
    const failed = await run({ savePath, judge: fakeJudgeClient(server, { maxAttempts: 2 }), onError: (error) => errors.push(error.kind) });
    expect(failed.sets.G1_instruction!.errors).toBe(9);
    expect(new Set(errors)).toEqual(new Set(["server_error"]));
    expect(await readJson(path.join(savePath, "G1_instruction_virtual_chatgpt_dfs.json"))).toEqual({});
    server.setConfig({ faultRate: 0, faultKinds: ["rate_limit", "server_error", "hang", "reset", "malformed"] });
    const resumed = await run({ savePath, judge: fakeJudgeClient(server) });
    expect(resumed.sets.G1_instruction!.errors).toBe(0);
  });

  it("counts missing answers as 0 with the test-set denominator", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }] });
    const testIdsDir = await tempDir();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(testIdsDir, "G1_instruction.json"), JSON.stringify({ 588: 0, 608: 0, 1073: 0, 9999: 0 }));
    const faithful = await run({ savePath: await tempDir(), testIdsDir, judge: fakeJudgeClient(server) });
    expect(faithful.sets.G1_instruction).toMatchObject({ answered: 3, total: 4, passRate: 100 });
    const strict = await run({ savePath: await tempDir(), testIdsDir, judge: fakeJudgeClient(server), denominator: "test-set" });
    expect(strict.sets.G1_instruction!.passRate).toBe(75);
  });
});

describe("runPassRate (toolbench, rules)", () => {
  it("writes ToolBench v1 files with counts, statuses and seeded coin flips", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Unsolved" } }, { fn: "check_task_solvable", contains: "", args: { task_status: "Unsure" } }] });
    const savePath = await tempDir();
    const summary = await run({ savePath, protocol: "toolbench", model: "virtual_chatgpt_cot", judge: fakeJudgeClient(server) });
    const json = await readJson(path.join(savePath, "G1_instruction_virtual_chatgpt_cot.json"));
    expect(safeParseToolBenchPassRateJson(json).success).toBe(true);
    expect(json["588"]).toMatchObject({ passed: 0, failed: 3, is_solved: "AnswerStatus.Unsolved", reason: "No answer" });
    expect(json["608"]).toMatchObject({ task_solvable: "TaskStatus.Unsure", is_solved: "AnswerStatus.Unsolved", not_hallucinate: true });
    expect(summary.sets.G1_instruction!.unsure).toBe(6);
    const again = await run({ savePath: await tempDir(), protocol: "toolbench", model: "virtual_chatgpt_cot", judge: fakeJudgeClient(server) });
    expect(again.sets).toEqual(summary.sets);
    const tsv = await readFile(path.join(savePath, "G1_instruction_virtual_chatgpt_cot.csv"), "utf8");
    expect(safeParseResultTsv(tsv).success).toBe(true);
  });

  it("scores by rules without any judge", async () => {
    const summary = await run({ savePath: await tempDir(), protocol: "rules", model: "virtual_chatgpt_cot" });
    expect(summary.sets.G1_instruction).toMatchObject({ answered: 3, total: 3, std: 0, errors: 0, rounds: [(2 / 3) * 100, (2 / 3) * 100, (2 / 3) * 100] });
  });

  it("refuses a judged protocol without a judge", async () => {
    await expect(run({ savePath: await tempDir() })).rejects.toThrow(/needs a judge/);
  });
});
