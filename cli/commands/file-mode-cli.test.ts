import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeJudge, type FakeJudge } from "../../tests/support/fake-judge-server";
import { STB_FIXTURES } from "../../tests/support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const STB = STB_FIXTURES;
const CONVERTED = path.join(STB, "data_example/model_predictions_converted");
const TEST_IDS = path.join(STB, "solvable_queries_example/test_query_ids");
const EVALUATORS = path.join(STB, "evaluators");

const exec = promisify(execFile);

/** Runs the real CLI binary with a clean judge environment plus `env`. */
const cli = async (args: string[], env: Record<string, string> = {}) => {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !["OPENAI_BASE_URL", "OPENAI_API_KEY", "EVAL_MODEL"].includes(key))) as Record<string, string>;
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(ROOT, "bin/tooleval.mjs"), ...args], { cwd: ROOT, env: { ...base, ...env } as NodeJS.ProcessEnv, timeout: 60_000 });

    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };

    return { code, stdout, stderr };
  }
};

const common = async (model = "virtual_chatgpt_dfs") => {
  const savePath = await mkdtemp(path.join(os.tmpdir(), "tooleval-cli-"));

  return { savePath, args: ["--converted_answer_path", CONVERTED, "--reference_model", model, "--test_ids", TEST_IDS, "--save_path", savePath] };
};

let server: FakeJudge;
let judgeEnv: Record<string, string>;
beforeAll(async () => {
  server = await startFakeJudge({ recordRequests: true, apiKey: "sk-cli-test" });
  judgeEnv = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "sk-cli-test" };
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setConfig({ faultRate: 0, rules: [] });
});

describe("tooleval pass-rate", () => {
  it("defaults to the rule-based protocol without a judge and prints one JSON object", async () => {
    const { savePath, args } = await common("virtual_chatgpt_cot");
    const result = await cli(["pass-rate", ...args, "--json"]);
    expect(result.stderr).toMatch(/no judge configured.*rule-based/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ protocol: "rules", model: "virtual_chatgpt_cot", evaluateTimes: 3, sets: { G1_instruction: { answered: 3, total: 3, unsure: 0, errors: 0 } } });
    expect(summary.sets.G1_instruction.passRate).toBeCloseTo(66.667, 2);
    expect(summary.average).toEqual({ passRate: summary.sets.G1_instruction.passRate, std: 0 });
    expect((await readdir(savePath)).sort()).toEqual(["G1_instruction_virtual_chatgpt_cot.csv", "G1_instruction_virtual_chatgpt_cot.json"]);
  });

  it("judges SoPR through the configured endpoint with ToolEval's evaluator and EVAL_MODEL", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }] });
    const { savePath, args } = await common();
    const evaluator = path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_default");
    const result = await cli(["pass-rate", ...args, "--evaluator", evaluator, "--test_set", "G1_instruction", "--evaluate_times", "2", "--json"], { ...judgeEnv, EVAL_MODEL: "judge-from-env" });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      protocol: "sopr",
      model: "virtual_chatgpt_dfs",
      evaluateTimes: 2,
      sets: { G1_instruction: { answered: 3, total: 3, passRate: 100, std: 0, rounds: [100, 100], unsure: 0, errors: 0 } },
      average: { passRate: 100, std: 0 },
    });
    expect(new Set(server.requests().map((body) => body.model))).toEqual(new Set(["judge-from-env"]));
    expect(result.stderr).not.toContain("sk-cli-test");
    const json = JSON.parse(await readFile(path.join(savePath, "G1_instruction_virtual_chatgpt_dfs.json"), "utf8"));
    expect(json["608"].is_solved).toEqual({ "0": "AnswerStatus.Solved", "1": "AnswerStatus.Solved" });
  });

  it("uses --judge-model and the legacy functions API on request", async () => {
    const { args } = await common();
    const result = await cli(["pass-rate", ...args, "--judge-model", "flag-model", "--legacy-functions", "--evaluate_times", "1", "--json"], { ...judgeEnv, EVAL_MODEL: "env-model" });
    expect(result.code).toBe(0);
    expect(server.requests().every((body) => body.model === "flag-model" && "function_call" in body)).toBe(true);
  });

  it("exits non-zero and reports errors when the judge keeps failing", async () => {
    server.setConfig({ faultRate: 1, faultKinds: ["server_error"] });
    const { args } = await common();
    const result = await cli(["pass-rate", ...args, "--max-attempts", "1", "--json"], judgeEnv);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).sets.G1_instruction.errors).toBe(9);
    expect(result.stderr).toMatch(/run the same command again to resume/);
  });

  it("rejects a judged protocol without a judge and an unsupported evaluator", async () => {
    const { args } = await common();
    const noJudge = await cli(["pass-rate", ...args, "--protocol", "sopr"]);
    expect(noJudge.code).toBe(2);
    expect(noJudge.stderr).toMatch(/needs a judge/);
    const legacy = await cli(["pass-rate", ...args, "--evaluator", path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_normalized")], judgeEnv);
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toMatch(/only ReinforceToolLearningEvaluator/);
  });
});

describe("tooleval preference", () => {
  it("reports wins, ties and losses as one JSON object", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }] });
    const { savePath, args } = await common("virtual_chatgpt_cot");
    const result = await cli(["preference", ...args, "--output_model", "virtual_chatgpt_dfs", "--test_set", "G1_instruction", "--json"], judgeEnv);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary)).toEqual(["reference", "candidate", "sets", "average"]);
    expect(summary).toMatchObject({ reference: "virtual_chatgpt_cot", candidate: "virtual_chatgpt_dfs", sets: { G1_instruction: { n: 3, errors: 0 } } });
    const set = summary.sets.G1_instruction;
    expect(set.wins + set.ties + set.losses).toBe(3);
    expect(await readdir(savePath)).toContain("G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json");
  });
});
