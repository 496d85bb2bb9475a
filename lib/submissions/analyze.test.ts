import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STB_EXAMPLE } from "../../tests/support/fixtures";
import { analyzeEntries, type BenchmarkSets } from "./analyze";
import { openPathSource } from "./entries";
import type { UploadLimits } from "./limits";
import { readStagedSet } from "./staged-sets";

const LIMITS: UploadLimits = { maxUploadBytes: 50e6, maxFileBytes: 10e6, maxZipEntries: 100, maxZipExpandedBytes: 50e6 };
const ANSWERS = path.join(STB_EXAMPLE, "answer");
const CONVERTED = path.join(STB_EXAMPLE, "model_predictions_converted");
const BENCHMARK: BenchmarkSets = { id: "b", name: "StableToolBench", sets: new Map([["G1_instruction", new Set(["588", "608", "1073", "2000"])]]) };
const dirs: string[] = [];

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-analyze-"));
  dirs.push(dir);

  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const analyze = async (target: string, options: { method?: string; testSet?: string } = {}) => {
  const source = await openPathSource({ target, limits: LIMITS });
  const dir = tempDir();
  try {
    return { dir, ...(await analyzeEntries({ entries: source.entries, benchmark: BENCHMARK, dir, ...options })) };
  } finally {
    await source.close();
  }
};

const stagedFile = async (dir: string, analysis: Awaited<ReturnType<typeof analyze>>) => {
  const out: Record<string, unknown> = {};
  for await (const batch of readStagedSet({ dir, set: analysis.sets[0]! })) for (const line of batch) out[line.q] = line.a;

  return out;
};

/** A copy of a fixture model folder that the test may break. */
const copyModel = (model: string) => {
  const target = path.join(tempDir(), model);
  fs.cpSync(path.join(ANSWERS, model), target, { recursive: true });

  return target;
};

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("analyzeEntries on the StableToolBench example", () => {
  for (const [model, method] of [["virtual_chatgpt_cot", "CoT@1"], ["virtual_chatgpt_dfs", "DFS_woFilter_w2"]] as const) {
    it(`converts the raw ${model} folder exactly like ToolEval, guessing model and method`, async () => {
      const analysis = await analyze(path.join(ANSWERS, model));
      expect(analysis.report.ok).toBe(true);
      expect(analysis.report.guesses).toEqual({ model, method });
      expect(analysis.conversionMethod).toBe(method);
      expect(analysis.report.sets).toEqual([
        { testSet: "G1_instruction", answers: 3, queries: 4, unknownQueryIds: [], missingCount: 1, missingQueryIds: ["2000"] },
      ]);
      expect(await stagedFile(analysis.dir, analysis)).toStrictEqual(readJson(path.join(CONVERTED, model, "G1_instruction.json")));
    });
  }

  it("reads a converted file and hashes it like the same answers converted from raw files", async () => {
    const converted = await analyze(path.join(CONVERTED, "virtual_chatgpt_cot"));
    const raw = await analyze(path.join(ANSWERS, "virtual_chatgpt_cot"));
    expect(converted.report.ok).toBe(true);
    expect(converted.report.files).toEqual({ total: 1, raw: 0, converted: 1, failed: 0 });
    expect(converted.conversionMethod).toBeNull();
    expect(converted.report.guesses).toEqual({ model: "virtual_chatgpt_cot", method: "CoT@1" });
    expect(converted.sets[0]!.contentHash).toBe(raw.sets[0]!.contentHash);
  });

  it("rejects the whole batch for one malformed file, naming the file, query and field", async () => {
    const folder = copyModel("virtual_chatgpt_cot");
    const broken = path.join(folder, "G1_instruction", "608_CoT@1.json");
    const value = readJson(broken);
    value.answer_generation.valid_data = "yes";
    fs.writeFileSync(broken, JSON.stringify(value));
    fs.writeFileSync(path.join(folder, "G1_instruction", "notes.txt"), "hello");
    fs.writeFileSync(path.join(folder, "G1_instruction", "1073_CoT@1.json.bak.json"), "{not json");
    const analysis = await analyze(folder);
    expect(analysis.report.ok).toBe(false);
    expect(analysis.sets).toEqual([]);
    expect(analysis.report.failures).toEqual(
      expect.arrayContaining([
        { file: "virtual_chatgpt_cot/G1_instruction/608_CoT@1.json", queryId: "608", path: "answer_generation.valid_data", message: "expected boolean, received string" },
        expect.objectContaining({ file: "virtual_chatgpt_cot/G1_instruction/notes.txt", message: expect.stringMatching(/not a \.json file/) }),
        expect.objectContaining({ file: "virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json.bak.json", message: expect.stringMatching(/not valid JSON/) }),
      ]),
    );
  });

  it("fails raw files whose name lacks the method, and answers given twice", async () => {
    const folder = copyModel("virtual_chatgpt_cot");
    fs.copyFileSync(path.join(ANSWERS, "virtual_chatgpt_dfs/G1_instruction/588_DFS_woFilter_w2.json"), path.join(folder, "G1_instruction/588_DFS_woFilter_w2.json"));
    const wrongMethod = await analyze(folder);
    expect(wrongMethod.report.failures).toEqual([
      expect.objectContaining({ file: "virtual_chatgpt_cot/G1_instruction/588_DFS_woFilter_w2.json", message: expect.stringMatching(/does not contain the method "CoT@1"/) }),
    ]);
    fs.rmSync(path.join(folder, "G1_instruction/588_DFS_woFilter_w2.json"));
    fs.copyFileSync(path.join(CONVERTED, "virtual_chatgpt_cot/G1_instruction.json"), path.join(folder, "G1_instruction.json"));
    const twice = await analyze(folder, { method: "CoT@1" });
    expect(twice.report.ok).toBe(false);
    expect(twice.report.failures.map((failure) => failure.message)).toEqual(expect.arrayContaining([expect.stringMatching(/query 588 of G1_instruction is answered twice/)]));
  });

  it("says what a result file is, and needs a test set it can tell", async () => {
    const folder = tempDir();
    fs.copyFileSync(path.join(STB_EXAMPLE, "pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json"), path.join(folder, "G1_instruction_virtual_chatgpt_cot.json"));
    fs.copyFileSync(path.join(CONVERTED, "virtual_chatgpt_cot/G1_instruction.json"), path.join(folder, "answers.json"));
    const analysis = await analyze(folder);
    const messages = analysis.report.failures.map((failure) => failure.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/pass-rate result file/), expect.stringMatching(/cannot tell its test set/)]));
    fs.rmSync(path.join(folder, "G1_instruction_virtual_chatgpt_cot.json"));
    expect((await analyze(folder, { testSet: "G1_instruction" })).report.ok).toBe(true);
  });
});
