import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../main";
import { STB_EXAMPLE } from "../../tests/support/fixtures";

const STB = STB_EXAMPLE;
const COT_DIR = path.join(STB, "answer/virtual_chatgpt_cot/G1_instruction");

describe("tooleval convert", () => {
  let tmp: string;
  let stderr: string[];

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-convert-"));
    stderr = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr.push(String(chunk));

      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("writes the converted file (indent 2) with ToolEval's snake_case flags and reports the count", async () => {
    const output = path.join(tmp, "virtual_chatgpt_cot/G1_instruction.json");
    const code = await main(["convert", "--answer_dir", COT_DIR, "--method", "CoT@1", "--output", output]);
    expect(code).toBe(0);
    const written = fs.readFileSync(output, "utf8");
    const expected = JSON.parse(fs.readFileSync(path.join(STB, "model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"), "utf8"));
    expect(JSON.parse(written)).toStrictEqual(expected);
    expect(written).toBe(JSON.stringify(expected, null, 2));
    expect(stderr.join("")).toBe(`Converted 3 answers to ${output}\n`);
  });

  it("accepts kebab-case flags and a seed", async () => {
    const output = path.join(tmp, "dfs.json");
    const dir = path.join(STB, "answer/virtual_chatgpt_dfs/G1_instruction");
    expect(await main(["convert", "--answer-dir", dir, "--method", "DFS_woFilter_w2", "--output", output, "--seed", "7"])).toBe(0);
    expect(Object.keys(JSON.parse(fs.readFileSync(output, "utf8")))).toEqual(["588", "608", "1073"]);
  });

  it("fails with the reason when no file matches the method (ToolEval's run script bug)", async () => {
    const output = path.join(tmp, "out.json");
    expect(await main(["convert", "--answer_dir", COT_DIR, "--method", "DFS_woFilter_w2", "--output", output])).toBe(1);
    expect(stderr.join("")).toContain('no .json file in');
    expect(fs.existsSync(output)).toBe(false);
  });

  it("names the broken file and query", async () => {
    const dir = path.join(tmp, "answers");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "5_CoT@1.json"), JSON.stringify({ answer_generation: { valid_data: false, final_answer: "", function: [], query: "q" }, trys: [] }));
    expect(await main(["convert", "--answer_dir", dir, "--method", "CoT@1", "--output", path.join(tmp, "o.json")])).toBe(1);
    expect(stderr.join("")).toBe("tooleval convert: 5_CoT@1.json: query 5: trys: the answer has no try to pick from\n");
  });

  it("reports usage errors with exit code 2", async () => {
    expect(await main(["convert", "--method", "CoT@1", "--output", "x.json"])).toBe(2);
    expect(stderr.join("")).toContain("Missing required flag --answer_dir");
    expect(await main(["convert", "--answer_dir", tmp, "--method", "m", "--output", "o", "--seed", "x"])).toBe(2);
  });
});
