import { describe, expect, it } from "vitest";
import { buildReport, formatFailure } from "./report";

const base = {
  benchmark: "StableToolBench",
  benchmarkSets: new Map([["G1_instruction", new Set(["1", "2", "3", "10"])]]),
  files: { total: 2, raw: 2, converted: 0, failed: 0 },
  method: "CoT@1",
  guesses: { model: "m", method: "CoT@1" },
};

describe("buildReport", () => {
  it("counts answers, unknown and missing query ids per set", () => {
    const report = buildReport({ ...base, answered: new Map([["G1_instruction", ["2", "1", "99"]]]), failures: [] });
    expect(report.ok).toBe(true);
    expect(report.sets).toEqual([{ testSet: "G1_instruction", answers: 3, queries: 4, unknownQueryIds: ["99"], missingCount: 2, missingQueryIds: ["3", "10"] }]);
  });

  it("is not ok with a failure, no answers, or a test set the benchmark lacks", () => {
    const failure = { file: "m/G1_instruction/1_CoT@1.json", queryId: "1", path: "answer_generation.valid_data", message: "expected boolean" };
    expect(buildReport({ ...base, answered: new Map([["G1_instruction", ["1"]]]), failures: [failure] }).ok).toBe(false);
    const empty = buildReport({ ...base, answered: new Map(), failures: [] });
    expect(empty.ok).toBe(false);
    expect(empty.failures[0]!.message).toMatch(/no answer files/);
    const unknownSet = buildReport({ ...base, answered: new Map([["G2_tool", ["1"]]]), failures: [] });
    expect(unknownSet.ok).toBe(false);
    expect(unknownSet.failures[0]!.message).toMatch(/has no test set G2_tool: import its queries first/);
    expect(formatFailure(failure)).toBe("m/G1_instruction/1_CoT@1.json: query 1: answer_generation.valid_data: expected boolean");
  });
});
