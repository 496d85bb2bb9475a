import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { STB_EXAMPLE } from "../support/fixtures";
import { writeZipFile } from "../support/zip-writer";
import { useTestDatabase } from "./db";
import { folderParts, QUERIES, tempDir } from "./submissions-helpers";

const database = useTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");
const DATA_DIR = tempDir();
const exec = promisify(execFile);

/** The real `tooleval` binary against this file's database. */
const cli = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(ROOT, "bin/tooleval.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, TOOLEVAL_DATA_DIR: DATA_DIR },
      timeout: 60_000,
    });

    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };

    return { code, stdout, stderr };
  }
};

const ANSWERS = path.join(STB_EXAMPLE, "answer");
const RESULTS = path.join(STB_EXAMPLE, "pass_rate_results");

describe("tooleval import and submissions", () => {
  it("imports queries, answers (folder and zip) and results, and lists them", async () => {
    const queries = ["import", "queries", "--benchmark", "StableToolBench", "--test-set", "G1_instruction", path.join(QUERIES, "test_instruction/G1_instruction.json"), "--ids", path.join(QUERIES, "test_query_ids/G1_instruction.json")];
    expect(await cli(...queries)).toMatchObject({ code: 0, stdout: expect.stringMatching(/G1_instruction: 163 queries \(163 created, 0 updated, 0 unchanged\)/) });
    expect((await cli(...queries)).stdout).toMatch(/\(0 created, 0 updated, 163 unchanged\)/);

    const cot = await cli("import", "predictions", "--model", "virtual_chatgpt_cot", "--method", "CoT@1", path.join(ANSWERS, "virtual_chatgpt_cot"));
    expect(cot).toMatchObject({ code: 0, stderr: expect.stringMatching(/stored virtual_chatgpt_cot version 1 \(G1_instruction 3 answers\)/) });
    const zip = path.join(tempDir(), "dfs.zip");
    writeZipFile(zip, folderParts(path.join(ANSWERS, "virtual_chatgpt_dfs")).map((file) => ({ ...file, method: "deflate" as const })));
    expect(await cli("import", "predictions", "--model", "virtual_chatgpt_dfs", "--method", "DFS_woFilter_w2", zip)).toMatchObject({ code: 0 });
    expect((await cli("import", "predictions", "--model", "virtual_chatgpt_dfs", "--method", "DFS_woFilter_w2", zip)).stderr).toMatch(/already stored: virtual_chatgpt_dfs version 1 has the same content/);

    const judge = ["--test-set", "G1_instruction", "--judge", "gpt-4-turbo"];
    expect((await cli("import", "results", "--model", "virtual_chatgpt_cot", ...judge, path.join(RESULTS, "virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json"))).stdout).toMatch(/sopr pass rate of virtual_chatgpt_cot \(version 1\) on G1_instruction = 66\.7 ± 0\.0 over 3 round/);
    expect((await cli("import", "results", "--model", "virtual_chatgpt_dfs", ...judge, path.join(RESULTS, "virtual_chatgpt_dfs/G1_instruction_virtual_chatgpt_dfs.csv"))).stdout).toMatch(/= 100\.0 ± 0\.0/);
    const preference = path.join(STB_EXAMPLE, "preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json");
    expect((await cli("import", "results", "--reference", "virtual_chatgpt_cot", "--candidate", "virtual_chatgpt_dfs", ...judge, preference)).stdout).toMatch(/win rate of virtual_chatgpt_dfs against virtual_chatgpt_cot on G1_instruction = 100\.0 \(3 wins, 0 ties, 0 losses of 3\)/);

    const listing = await cli("submissions", "--json");
    expect(listing.code).toBe(0);
    expect(JSON.parse(listing.stdout)).toEqual({
      models: [
        { name: "virtual_chatgpt_cot", method: "CoT@1", versions: [{ version: 1, sets: { G1_instruction: { answers: 3, unknownQueryIds: 0 } } }] },
        { name: "virtual_chatgpt_dfs", method: "DFS_woFilter_w2", versions: [{ version: 1, sets: { G1_instruction: { answers: 3, unknownQueryIds: 0 } } }] },
      ],
      benchmarks: [{ name: "StableToolBench", sets: { G1_instruction: { queries: 163 } } }],
    });
  });

  it("exits non-zero with the reason on stderr", async () => {
    const folder = path.join(tempDir(), "broken");
    fs.cpSync(path.join(ANSWERS, "virtual_chatgpt_cot"), folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "G1_instruction/608_CoT@1.json"), '{"answer_generation": {"valid_data": true}}');
    const broken = await cli("import", "predictions", "--model", "broken", "--method", "CoT@1", folder);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\/G1_instruction\/608_CoT@1\.json: query 608: answer_generation\.final_answer: missing required field/);
    expect(broken.stderr).toMatch(/nothing stored/);

    const missing = await cli("import", "results", "--model", "nobody", "--test-set", "G1_instruction", "--judge", "j", path.join(RESULTS, "virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json"));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/Upload nobody's answers for G1_instruction first/) });
    expect(await cli("import", "queries", "--benchmark", "B", "--test-set", "G1_tool", "/no/such/file.json")).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
    expect(await cli("import", "predictions", "--method", "CoT@1", folder)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Missing required flag --model/) });
    expect(await cli("import", "queries", "--benchmark", "B", "--test-set", "../x", "q.json")).toMatchObject({ code: 2, stderr: expect.stringMatching(/--test-set: A test set name/) });
  });
});
