import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATOR } from "../tooleval/evaluator/default-evaluator";
import type { ConvertedAnswerFile } from "../tooleval/types";
import { STB_EXAMPLE } from "../../tests/support/fixtures";
import { estimateRun } from "./estimate";

const load = (model: string): ConvertedAnswerFile =>
  JSON.parse(fs.readFileSync(path.join(STB_EXAMPLE, "model_predictions_converted", model, "G1_instruction.json"), "utf8"));

describe("estimateRun", () => {
  const cot = Object.values(load("virtual_chatgpt_cot"));
  const dfs = Object.values(load("virtual_chatgpt_dfs"));

  it("counts no call for a path without Finish, one or two for the others", () => {
    const estimate = estimateRun({ protocol: "sopr", evaluateTimes: 3, evaluator: DEFAULT_EVALUATOR, answers: cot, pairs: [], prices: { input: 10, output: 30 } });
    expect(estimate.items).toBe(9);
    expect(estimate.calls).toEqual({ expected: 7, max: 12 });
    expect(estimate.promptTokens).toBeGreaterThan(0);
    expect(estimate.costUsd).toBeGreaterThan(0);
    expect(estimate.maxCostUsd!).toBeGreaterThanOrEqual(estimate.costUsd!);
  });

  it("makes no call for the rule-based protocol and gives no cost without prices", () => {
    const estimate = estimateRun({ protocol: "rules", evaluateTimes: 3, evaluator: DEFAULT_EVALUATOR, answers: cot, pairs: [], prices: { input: null, output: null } });
    expect(estimate.calls).toEqual({ expected: 0, max: 0 });
    expect(estimate.items).toBe(3);
    expect(estimate.costUsd).toBeNull();
  });

  it("bounds a comparison at six calls per round", () => {
    const pairs = cot.map((reference, index) => ({ reference, candidate: dfs[index] }));
    const estimate = estimateRun({ protocol: "preference", evaluateTimes: 1, evaluator: DEFAULT_EVALUATOR, answers: [], pairs, prices: { input: 1, output: 1 } });
    expect(estimate.calls.max).toBeLessThanOrEqual(6 * 3);
    expect(estimate.calls.expected).toBeGreaterThan(0);
  });
});
