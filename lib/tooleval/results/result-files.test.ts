import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FormatError } from "../formats/format-error";
import {
  modelFromPassRateFileName,
  passRateQueryInfo,
  preferenceLabel,
  preferenceRowFromAnswers,
  readPassRateResult,
  readPreferenceResult,
  readStablePassRateJson,
  writePreferenceJson,
  writePreferenceTsv,
  writeStablePassRateJson,
  writeStablePassRateTsv,
} from "./result-files";
import type { ConvertedAnswerFile } from "../types";
import { STB_EXAMPLE } from "../../../tests/support/fixtures";

const STB = STB_EXAMPLE;
const read = (file: string) => fs.readFileSync(path.join(STB, file), "utf8");
const converted = (model: string): ConvertedAnswerFile =>
  JSON.parse(read(`model_predictions_converted/${model}/G1_instruction.json`));
const passRateFile = (model: string, ext: string) => `pass_rate_results/${model}/G1_instruction_${model}.${ext}`;
const PREFERENCE = "preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs";

const statusesByQuery = (model: string) =>
  Object.fromEntries(
    readStablePassRateJson(read(passRateFile(model, "json"))).map(({ queryId, rounds }) => [
      queryId,
      [...rounds].sort((a, b) => a.round - b.round).map(({ status }) => status),
    ]),
  );

describe("StableToolBench pass-rate files", () => {
  it("reads the fixture labels", () => {
    expect(statusesByQuery("virtual_chatgpt_cot")).toEqual({
      "588": ["Unsolved", "Unsolved", "Unsolved"],
      "1073": ["Solved", "Solved", "Solved"],
      "608": ["Solved", "Solved", "Solved"],
    });
    const dfs = statusesByQuery("virtual_chatgpt_dfs");
    expect(Object.keys(dfs).sort()).toEqual(["1073", "588", "608"]);
    expect(Object.values(dfs).flat()).toEqual(Array(9).fill("Solved"));
  });

  for (const model of ["virtual_chatgpt_cot", "virtual_chatgpt_dfs"]) {
    it(`rewrites ${model} JSON and TSV byte for byte from the labels and the converted answers`, () => {
      const jsonText = read(passRateFile(model, "json"));
      const answers = converted(model);
      const entries = readStablePassRateJson(jsonText).map(({ queryId, rounds }) => ({
        ...passRateQueryInfo({ queryId, answer: answers[queryId]! }),
        rounds,
      }));
      expect(JSON.parse(writeStablePassRateJson(entries))).toEqual(JSON.parse(jsonText));
      expect(writeStablePassRateJson(entries)).toBe(jsonText);
      expect(writeStablePassRateTsv({ model, entries })).toBe(read(passRateFile(model, "csv")));
    });

    it(`reads ${model} TSV into the same entries as the JSON`, () => {
      const fromTsv = readPassRateResult({ fileName: passRateFile(model, "csv"), content: read(passRateFile(model, "csv")) });
      const fromJson = readPassRateResult({ fileName: passRateFile(model, "json"), content: read(passRateFile(model, "json")) });
      expect(fromTsv).toEqual({ ...fromJson, model });
      expect(fromJson.model).toBe(model);
    });
  }
});

describe("preference files", () => {
  it("reads the fixture counts (cot is the reference)", () => {
    const result = readPreferenceResult({ fileName: `${PREFERENCE}.json`, content: read(`${PREFERENCE}.json`) });
    expect(result).toMatchObject({ source: "json", referenceModel: "virtual_chatgpt_cot", candidateModel: "virtual_chatgpt_dfs" });
    if (result.source !== "json") throw new Error("expected JSON");
    expect(result.entries.map(({ queryId, reference, candidate }) => [queryId, reference, candidate])).toEqual([
      ["588", 0, 3],
      ["608", 0, 3],
      ["1073", 1, 2],
    ]);
    expect(result.entries.every(({ rounds }) => rounds.length === 3 && rounds.every(({ complete }) => complete))).toBe(true);
  });

  it("rewrites the JSON and TSV byte for byte", () => {
    const result = readPreferenceResult({ fileName: `${PREFERENCE}.json`, content: read(`${PREFERENCE}.json`) });
    if (result.source !== "json") throw new Error("expected JSON");
    expect(writePreferenceJson(result)).toBe(read(`${PREFERENCE}.json`));
    const reference = converted(result.referenceModel);
    const candidate = converted(result.candidateModel);
    const rows = result.entries.map((entry) =>
      preferenceRowFromAnswers({
        queryId: entry.queryId,
        reference: reference[entry.queryId]!,
        candidate: candidate[entry.queryId]!,
        label: preferenceLabel(entry),
      }),
    );
    expect(writePreferenceTsv({ ...result, rows })).toBe(read(`${PREFERENCE}.csv`));
    const fromTsv = readPreferenceResult({ fileName: `${PREFERENCE}.csv`, content: read(`${PREFERENCE}.csv`) });
    expect(fromTsv).toEqual({ source: "tsv", referenceModel: result.referenceModel, candidateModel: result.candidateModel, rows });
    expect(rows.map(({ label }) => label)).toEqual([2, 2, 2]);
  });

  it("lets explicit model names override the counter order", () => {
    const result = readPreferenceResult({
      fileName: "p.json",
      content: { "1": { b: 2, a: 1, round_0: "complete" } },
      referenceModel: "a",
    });
    expect(result).toMatchObject({ referenceModel: "a", candidateModel: "b", entries: [{ reference: 1, candidate: 2 }] });
  });
});

describe("errors and names", () => {
  it("takes the model from ToolEval's result file name", () => {
    expect(modelFromPassRateFileName("out/G2_category_toolllama_dfs.csv")).toBe("toolllama_dfs");
    expect(modelFromPassRateFileName("results.json")).toBeUndefined();
  });

  it("rejects a file of another kind, naming it", () => {
    expect(() => readPassRateResult({ fileName: `${PREFERENCE}.json`, content: read(`${PREFERENCE}.json`) })).toThrow(
      new FormatError([{ file: `${PREFERENCE}.json`, path: "", message: "not a pass-rate result file (looks like preference)" }]),
    );
  });

  it("locates a bad round label", () => {
    const content = { "5": { query: "q", tool_names: [], answer_steps: "", final_step: "", is_solved: { "0": "Solved" } } };
    expect(() => readPassRateResult({ fileName: "G1_tool_m.json", content })).toThrow(
      /^G1_tool_m\.json: query 5: is_solved\["0"\]: .*AnswerStatus\.Solved/,
    );
  });
});
