import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ConvertedAnswerFile } from "../types";
import { judgeByRules } from "./rules";
import { STB_EXAMPLE } from "../../../tests/support/fixtures";

const FIXTURES = path.join(STB_EXAMPLE, "model_predictions_converted");
const cot = JSON.parse(readFileSync(path.join(FIXTURES, "virtual_chatgpt_cot/G1_instruction.json"), "utf8")) as ConvertedAnswerFile;
const withFinal = (final_answer: string) => ({ answer: { ...cot["1073"]!.answer, final_answer } });

describe("judgeByRules", () => {
  it("passes the fixture answers that have a final answer", () => {
    expect(judgeByRules(cot["1073"]!).passed).toBe(true);
    expect(judgeByRules(cot["608"]!).passed).toBe(true);
    expect(judgeByRules(cot["588"]!)).toMatchObject({ passed: false, trace: [{ shortcut: "empty_final_answer" }] });
  });

  it.each(["I'm SORRY, no data", "We Apologize", "my apology", "Unfortunately not", "I couldn't find it"])("fails %j", (text) => {
    expect(judgeByRules(withFinal(text))).toMatchObject({ passed: false, trace: [{ shortcut: "apology" }] });
  });

  it("fails a give-up", () => {
    expect(judgeByRules(withFinal('{"return_type": "give_up_and_restart"}')).passed).toBe(false);
  });
});
