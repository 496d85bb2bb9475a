import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeJudge, type FakeJudge } from "../../../tests/support/fake-judge-server";
import { safeParsePreferenceJson } from "../formats/result-json";
import { safeParseResultTsv } from "../formats/result-tsv";
import { runPreference, type PreferenceRunOptions } from "./preference";
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
  server.setConfig({ faultRate: 0, rules: [], maxFaultsPerRequest: Number.POSITIVE_INFINITY });
});

const run = (options: Partial<PreferenceRunOptions> & { savePath: string; judge: PreferenceRunOptions["judge"] }) =>
  runPreference({
    convertedAnswerPath: CONVERTED,
    referenceModel: "virtual_chatgpt_cot",
    candidateModel: "virtual_chatgpt_dfs",
    testIdsDir: TEST_IDS,
    evaluateTimes: 3,
    maxInFlight: 4,
    saveIntervalMs: 20,
    ...options,
  });

describe("runPreference", () => {
  it("compares every round, writes ToolEval's preference files and reports win/tie/loss", async () => {
    const savePath = await tempDir();
    const summary = await run({ savePath, judge: fakeJudgeClient(server) });
    const set = summary.sets.G1_instruction!;
    expect(set.n).toBe(3);
    expect(set.wins + set.ties + set.losses).toBe(3);
    expect(set.errors).toBe(0);
    expect(set.winRate).toBe((set.wins / 3) * 100);
    const base = path.join(savePath, "G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs");
    const json = JSON.parse(await readFile(`${base}.json`, "utf8")) as Record<string, Record<string, unknown>>;
    expect(safeParsePreferenceJson(json).success).toBe(true);
    expect(Object.keys(json)).toEqual(["588", "608", "1073"]);
    for (const entry of Object.values(json)) {
      expect(entry).toMatchObject({ round_0: "complete", round_1: "complete", round_2: "complete" });
      expect((entry.virtual_chatgpt_cot as number) + (entry.virtual_chatgpt_dfs as number)).toBe(3);
    }
    expect(safeParseResultTsv(await readFile(`${base}.csv`, "utf8")).success).toBe(true);
  });

  it("ends with the same counts despite injected faults, and resumes without new calls", async () => {
    const clean = await run({ savePath: await tempDir(), judge: fakeJudgeClient(server) });
    server.reset();
    server.setConfig({ faultRate: 0.4, maxFaultsPerRequest: 3, hangMs: 5000, retryAfterMs: 1 });
    const savePath = await tempDir();
    const faulty = await run({ savePath, judge: fakeJudgeClient(server, { timeoutMs: 250 }) });
    expect(faulty.sets).toEqual(clean.sets);
    server.reset();
    server.setConfig({ faultRate: 0 });
    expect((await run({ savePath, judge: fakeJudgeClient(server) })).sets).toEqual(clean.sets);
    expect(server.stats().totalRequests).toBe(0);
  });

  it("gives rounds to the side with an answer and never double counts them on resume", async () => {
    const testIdsDir = await tempDir();
    await writeFile(path.join(testIdsDir, "G1_instruction.json"), JSON.stringify({ 588: 0, 608: 0, 1073: 0, 4242: 0 }));
    const savePath = await tempDir();
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }, { fn: "select_better_answer", contains: "", args: { index: 0 } }] });
    const first = await run({ savePath, testIdsDir, judge: fakeJudgeClient(server) });
    expect(first.sets.G1_instruction!.n).toBe(4);
    const second = await run({ savePath, testIdsDir, judge: fakeJudgeClient(server) });
    expect(second.sets).toEqual(first.sets);
    const json = JSON.parse(await readFile(path.join(savePath, "G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json"), "utf8"));
    expect(json["4242"]).toEqual({ virtual_chatgpt_cot: 0, virtual_chatgpt_dfs: 3, round_0: "complete", round_1: "complete", round_2: "complete" });
    expect(json["588"]).toMatchObject({ virtual_chatgpt_cot: 0, virtual_chatgpt_dfs: 3 });
  });

  it("rejects comparing a model with itself", async () => {
    await expect(run({ savePath: await tempDir(), judge: fakeJudgeClient(server), candidateModel: "virtual_chatgpt_cot" })).rejects.toThrow(/must differ/);
  });
});
