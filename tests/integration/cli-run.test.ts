import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { judgeByRules } from "../../lib/tooleval/protocols/rules";
import { startFakeJudge, type FakeJudge } from "../support/fake-judge-server";
import { useTestDatabase } from "./db";
import { createJudge, createModelWithAnswers, createTestSet, fixtureAnswers, replicate, unique } from "./factories";

const database = useTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");
let judge: FakeJudge;
let names: { cot: string; dfs: string; judge: string };

/** `npx tooleval …` against the test database, with the openai SDK's environment cleared. */
const tooleval = (args: string[], { env = {}, killAfterMs }: { env?: Record<string, string>; killAfterMs?: number } = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const { OPENAI_BASE_URL: _u, OPENAI_API_KEY: _k, EVAL_MODEL: _m, ...base } = process.env;
    const child = spawn(process.execPath, ["bin/tooleval.mjs", ...args], { cwd: ROOT, env: { ...base, DATABASE_URL: database.url, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (killAfterMs !== undefined && stderr.includes("created run")) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });

beforeAll(async () => {
  judge = await startFakeJudge({ latencyMs: 20 });
  const cot = replicate(fixtureAnswers("virtual_chatgpt_cot"), 4);
  const dfs = replicate(fixtureAnswers("virtual_chatgpt_dfs"), 4);
  const { benchmarkId, testSetId } = await createTestSet({ benchmark: "CLI", testSet: "G1_instruction", queryIds: Object.keys(cot) });
  names = { cot: unique("cot"), dfs: unique("dfs"), judge: "" };
  await createModelWithAnswers({ name: names.cot, method: "CoT@1", benchmarkId, testSetId, answers: cot });
  await createModelWithAnswers({ name: names.dfs, method: "DFS_woFilter_w2", benchmarkId, testSetId, answers: dfs });
  names.judge = (await createJudge({ baseUrl: judge.url })).name;
});

afterAll(async () => {
  await judge.close();
});

describe("tooleval run (database mode)", () => {
  it("judges a pass rate and prints the file-mode summary shape", async () => {
    const { code, stdout, stderr } = await tooleval(["run", "pass-rate", "--model", names.cot, "--judge", names.judge, "--wait", "--json"]);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ protocol: "sopr", model: names.cot, evaluateTimes: 3 });
    expect(summary.sets.G1_instruction).toMatchObject({ answered: 12, total: 12, errors: 0 });
    expect(summary.sets.G1_instruction.rounds).toHaveLength(3);
    expect(summary.average.passRate).toBe(summary.sets.G1_instruction.passRate);
  }, 120_000);

  it("uses the rule-based protocol without any judge configured", async () => {
    const { code, stdout, stderr } = await tooleval(["run", "pass-rate", "--model", names.dfs, "--wait", "--json"]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("rule-based");
    const summary = JSON.parse(stdout);
    expect(summary.protocol).toBe("rules");
    const answers = Object.values(fixtureAnswers("virtual_chatgpt_dfs"));
    expect(summary.sets.G1_instruction.passRate).toBeCloseTo((answers.filter((answer) => judgeByRules(answer).passed).length / answers.length) * 100, 10);
  }, 120_000);

  it("continues an interrupted run when the same command is run again", async () => {
    judge.setConfig({ latencyMs: 400 });
    const args = ["run", "preference", "--reference", names.cot, "--candidate", names.dfs, "--judge", names.judge, "--max-in-flight", "2", "--wait", "--json"];
    const interrupted = await tooleval(args, { killAfterMs: 1500 });
    expect(interrupted.code).not.toBe(0);
    const runId = /created run (\S+)/.exec(interrupted.stderr)![1]!;
    expect(await db().runItem.count({ where: { runId, status: "PENDING" } })).toBeGreaterThan(0);
    judge.setConfig({ latencyMs: 20 });
    const again = await tooleval(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`continuing the unfinished run ${runId}`);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ reference: names.cot, candidate: names.dfs, runId });
    expect(summary.sets.G1_instruction.n).toBe(12);
  }, 180_000);
});
