import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endsWithFinish, renderSteps } from "./steps";
import type { ConvertedAnswerFile } from "./types";
import { STB_EXAMPLE } from "../../tests/support/fixtures";

const FIXTURES = STB_EXAMPLE;
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));

describe("renderSteps", () => {
  for (const model of ["virtual_chatgpt_cot", "virtual_chatgpt_dfs"]) {
    it(`reproduces answer_steps and final_step of the ${model} pass-rate results byte for byte`, () => {
      const converted: ConvertedAnswerFile = readJson(`model_predictions_converted/${model}/G1_instruction.json`);
      const results = readJson(`pass_rate_results/${model}/G1_instruction_${model}.json`);
      expect(Object.keys(results).sort()).toEqual(Object.keys(converted).sort());
      for (const [queryId, answer] of Object.entries(converted)) {
        const rendered = renderSteps(answer.answer);
        expect(rendered.answerSteps).toBe(results[queryId].answer_steps);
        expect(rendered.finalStep).toBe(results[queryId].final_step);
      }
    });
  }

  it("detects a path that does not end in a Finish call", () => {
    const converted: ConvertedAnswerFile = readJson("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");
    expect(endsWithFinish(renderSteps(converted["588"]!.answer).finalStep)).toBe(false);
    expect(endsWithFinish(renderSteps(converted["608"]!.answer).finalStep)).toBe(true);
  });
});
