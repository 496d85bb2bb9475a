import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { exportConvertedSet, findSubmissionSet } from "../../lib/submissions/export-set";
import { listModelSubmissions } from "../../lib/submissions/queries";
import { STB_EXAMPLE } from "../support/fixtures";
import { useTestDatabase } from "./db";
import { importSet, rowCounts, submitPath, tempDir, useTempDataDir } from "./submissions-helpers";

useTempDataDir();
useTestDatabase();

const ANSWERS = path.join(STB_EXAMPLE, "answer");
const CONVERTED = path.join(STB_EXAMPLE, "model_predictions_converted");
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

const exported = async (submissionId: string, testSet = "G1_instruction") => {
  const set = await findSubmissionSet({ submissionId, testSet });
  let text = "";
  for await (const chunk of exportConvertedSet({ submissionSetId: set.id })) text += chunk;

  return JSON.parse(text);
};

describe("storing submissions", () => {
  it("stores raw answers converted exactly as ToolEval does, and recognises the same content again", async () => {
    await importSet("G1_instruction");
    const first = await submitPath(path.join(ANSWERS, "virtual_chatgpt_cot"));
    expect(first.checked.report.ok).toBe(true);
    expect(first.stored).toMatchObject({ deduplicated: false, submission: { model: "virtual_chatgpt_cot", method: "CoT@1", version: 1 } });
    expect(first.stored!.sets).toEqual([{ testSet: "G1_instruction", status: "stored", version: 1, answers: 3 }]);
    expect(await exported(first.stored!.submission.id)).toStrictEqual(readJson(path.join(CONVERTED, "virtual_chatgpt_cot/G1_instruction.json")));
    const set = await db().submissionSet.findFirstOrThrow({ where: { submissionId: first.stored!.submission.id } });
    expect(set).toMatchObject({ answerCount: 3, unknownQueryIds: [], missingCount: 160 });
    const origin = await db().solutionPath.findFirstOrThrow({ where: { submissionSetId: set.id, queryId: "588" }, select: { origin: true } });
    expect(origin.origin).toEqual({ file: "virtual_chatgpt_cot/G1_instruction/588_CoT@1.json", kind: "raw", valid: false });

    const before = await rowCounts();
    const again = await submitPath(path.join(ANSWERS, "virtual_chatgpt_cot"));
    const asConverted = await submitPath(path.join(CONVERTED, "virtual_chatgpt_cot"), { model: "virtual_chatgpt_cot" });
    for (const repeat of [again, asConverted]) {
      expect(repeat.stored).toMatchObject({ deduplicated: true, submission: { id: first.stored!.submission.id, version: 1 } });
      expect(repeat.stored!.sets[0]).toMatchObject({ status: "unchanged", version: 1 });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("stores changed content as a new version and keeps the old one", async () => {
    const folder = path.join(tempDir(), "virtual_chatgpt_dfs");
    fs.mkdirSync(folder);
    const file = readJson(path.join(CONVERTED, "virtual_chatgpt_dfs/G1_instruction.json"));
    fs.writeFileSync(path.join(folder, "G1_instruction.json"), JSON.stringify(file));
    const v1 = await submitPath(folder);
    file["588"].answer.final_answer = "a different final answer";
    fs.writeFileSync(path.join(folder, "G1_instruction.json"), JSON.stringify(file));
    const v2 = await submitPath(folder, { note: "fixed 588" });
    expect(v1.stored!.submission.version).toBe(1);
    expect(v2.stored).toMatchObject({ deduplicated: false, submission: { model: "virtual_chatgpt_dfs", method: "DFS_woFilter_w2", version: 2 } });
    expect((await exported(v2.stored!.submission.id))["588"].answer.final_answer).toBe("a different final answer");
    expect(await exported(v1.stored!.submission.id)).toStrictEqual(readJson(path.join(CONVERTED, "virtual_chatgpt_dfs/G1_instruction.json")));
    const dfs = (await listModelSubmissions()).find((model) => model.name === "virtual_chatgpt_dfs")!;
    expect(dfs.versions.map((version) => [version.version, version.note, version.sets[0]!.answers])).toEqual([[2, "fixed 588", 3], [1, null, 3]]);
  });

  it("rejects the whole batch when one file is malformed and writes nothing", async () => {
    const folder = path.join(tempDir(), "broken_model");
    fs.cpSync(path.join(ANSWERS, "virtual_chatgpt_dfs"), folder, { recursive: true });
    const broken = path.join(folder, "G1_instruction/608_DFS_woFilter_w2.json");
    const value = readJson(broken);
    const last = value.answer_generation.train_messages.length - 1;
    value.answer_generation.train_messages[last][3].role = 42;
    fs.writeFileSync(broken, JSON.stringify(value));
    const before = await rowCounts();
    const result = await submitPath(folder);
    expect(result.stored).toBeUndefined();
    expect(result.checked.report.ok).toBe(false);
    expect(result.checked.report.failures).toEqual([
      { file: "broken_model/G1_instruction/608_DFS_woFilter_w2.json", queryId: "608", path: `answer_generation.train_messages[${last}][3].role`, message: expect.stringMatching(/expected one of/) },
    ]);
    expect(await rowCounts()).toEqual(before);
    expect(await db().model.findUnique({ where: { name: "broken_model" } })).toBeNull();
  });

  it("keeps one method per model and flags unknown query ids", async () => {
    await expect(submitPath(path.join(ANSWERS, "virtual_chatgpt_dfs"), { model: "virtual_chatgpt_cot" })).rejects.toThrow(/registered with the method CoT@1/);
    const folder = path.join(tempDir(), "unknown_ids");
    fs.mkdirSync(folder);
    const file = readJson(path.join(CONVERTED, "virtual_chatgpt_cot/G1_instruction.json"));
    file["99999"] = file["588"];
    fs.writeFileSync(path.join(folder, "G1_instruction.json"), JSON.stringify(file));
    const result = await submitPath(folder);
    expect(result.checked.report.sets[0]).toMatchObject({ answers: 4, unknownQueryIds: ["99999"], missingCount: 160 });
    const set = await db().submissionSet.findFirstOrThrow({ where: { submissionId: result.stored!.submission.id } });
    expect(set.unknownQueryIds).toEqual(["99999"]);
  });
});
