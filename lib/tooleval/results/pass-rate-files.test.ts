import { describe, expect, it } from "vitest";
import { readToolBenchPassRateJson, writeToolBenchPassRateJson } from "./pass-rate-files";
import { majorityPassLabel, writeToolBenchPassRateTsv } from "./pass-rate-tsv";
import { readPassRateResult } from "./result-files";
import type { ToolBenchPassRateEntry } from "./result-types";

const entry = (queryId: string, passed: number, failed: number): ToolBenchPassRateEntry => ({
  queryId,
  query: "Find the weather in Zürich\tand \"Genève\"",
  toolNames: ["get_weather_for_weather", "Finish"],
  answerSteps: "Step 1: {'name': 'Finish', 'arguments': '{}', 'response': ''}",
  finalStep: "Final step: {'name': 'Finish', 'arguments': '{}', 'response': ''}",
  taskSolvable: "Solvable",
  isSolved: "Solved",
  reason: "Is solved: fine\nTask solvable: Task has been solved before.",
  notHallucinate: true,
  counts: { passed, failed },
});

describe("ToolBench (ToolEval v1) pass-rate files", () => {
  const entries = [entry("12", 3, 1), entry("3", 0, 4)];

  it("writes ToolEval v1's JSON layout and reads it back in file order", () => {
    const text = writeToolBenchPassRateJson(entries);
    expect(text.startsWith('{\n    "12": {\n        "passed": 3,\n        "failed": 1,\n        "query": "Find the weather in Zürich\\tand')).toBe(true);
    expect(text).toContain('"task_solvable": "TaskStatus.Solvable"');
    expect(text).toContain('"not_hallucinate": true\n    }');
    expect(readToolBenchPassRateJson(text)).toEqual(entries);
  });

  it("writes the TSV with the majority label and reads it back", () => {
    const text = writeToolBenchPassRateTsv({ model: "chatgpt_cot", entries });
    const header = text.split("\r\n")[0];
    expect(header).toBe(
      "query\tsolvable\tavailable_tools\tmodel_intermediate_steps\tmodel_final_step\tmodel\tquery_id\tis_solved\tpass_rate_label\treason\tnot_hallucinate",
    );
    expect(text).toContain("\tchatgpt_cot\t12\tAnswerStatus.Solved\tpassed\t");
    const read = readPassRateResult({ fileName: "G1_instruction_chatgpt_cot.csv", content: text });
    expect(read).toEqual({
      variant: "toolbench",
      model: "chatgpt_cot",
      entries: entries.map(({ counts, ...rest }) => ({ ...rest, label: counts!.passed > counts!.failed ? "passed" : "failed" })),
    });
  });

  it("breaks ties with a seeded coin, stable per query", () => {
    const labels = Array.from({ length: 20 }, (_, index) => majorityPassLabel({ queryId: String(index), passed: 2, failed: 2 }));
    expect(new Set(labels)).toEqual(new Set(["passed", "failed"]));
    expect(majorityPassLabel({ queryId: "7", passed: 2, failed: 2 })).toBe(majorityPassLabel({ queryId: "7", passed: 2, failed: 2 }));
  });
});
