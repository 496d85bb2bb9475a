import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyStr } from "../python";
import { createRng } from "../random";
import type { AnswerStatus, ConvertedAnswerFile, TaskStatus } from "../types";
import { checkHallucination } from "./hallucination";
import { scriptedJudge } from "../../../tests/support/scripted-judge";
import { isPassed, judgeToolbenchRound, scoreToolbench } from "./toolbench";
import { STB_EXAMPLE } from "../../../tests/support/fixtures";

const FIXTURES = STB_EXAMPLE;
const cot = JSON.parse(readFileSync(path.join(FIXTURES, "model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"), "utf8")) as ConvertedAnswerFile;

describe("isPassed", () => {
  it.each<[AnswerStatus, TaskStatus, string]>([
    ["Solved", "Solvable", "Passed"],
    ["Solved", "Unsure", "Passed"],
    ["Solved", "Unsolvable", "Passed"],
    ["Unsolved", "Solvable", "Failed"],
    ["Unsolved", "Unsure", "Unsure"],
    ["Unsolved", "Unsolvable", "Passed"],
    ["Unsure", "Solvable", "Unsure"],
    ["Unsure", "Unsure", "Unsure"],
    ["Unsure", "Unsolvable", "Passed"],
  ])("%s + %s → %s", (answer, task, expected) => {
    expect(isPassed(answer, task)).toBe(expected);
  });
});

describe("checkHallucination", () => {
  it("flags an unknown tool name and turns tool messages into Python strings", () => {
    const answer = cot["608"]!;
    const { notHallucinate, mutatedAnswer } = checkHallucination({ availableTools: answer.available_tools, answer: answer.answer });
    expect(notHallucinate).toBe(true);
    const firstTool = mutatedAnswer.answer_details[0]!.next[0]!.next[0]!;
    expect(firstTool.message).toBe(pyStr(answer.answer.answer_details[0]!.next[0]!.next[0]!.message));
    expect(typeof answer.answer.answer_details[0]!.next[0]!.next[0]!.message).toBe("object");
    expect(checkHallucination({ availableTools: [{ name: "Finish" }], answer: answer.answer }).notHallucinate).toBe(false);
  });
});

describe("judgeToolbenchRound", () => {
  it("fails a no-Finish answer without calls", async () => {
    const { judge, calls } = scriptedJudge({});
    const round = await judgeToolbenchRound({ answer: cot["588"]!, judge, rng: createRng(1) });
    expect(round).toMatchObject({ label: "failed", answerStatus: "Unsolved", taskStatus: "Solvable", reason: "No answer" });
    expect(calls).toEqual([]);
  });

  it("skips check_task_solvable once solved", async () => {
    const { judge, calls } = scriptedJudge({ check_answer_status: { answer_status: "Solved" } });
    const round = await judgeToolbenchRound({ answer: cot["608"]!, judge, rng: createRng(1) });
    expect(round).toMatchObject({ label: "passed", pass: "Passed", reason: "Is solved: because check_answer_status\nTask solvable: Task has been solved before." });
    expect(calls).toHaveLength(1);
  });

  it("passes an unsolved answer to an unsolvable task and dumps tool messages as strings", async () => {
    const { judge, calls } = scriptedJudge({
      check_answer_status: { answer_status: "Unsure" },
      parse_answer_status: { answer_status: "Unsolved" },
      check_task_solvable: { task_status: "Unsolvable" },
    });
    const round = await judgeToolbenchRound({ answer: cot["608"]!, judge, rng: createRng(1) });
    expect(round).toMatchObject({ label: "passed", answerStatus: "Unsolved", taskStatus: "Unsolvable" });
    expect(calls[1]!.vars.answer).toContain(`"message": "{'name': `);
    expect(calls[2]!.vars.task).toContain('"available_tools": [{"name": ');
  });

  it("settles Unsure by a seeded coin, or keeps it in explicit mode", async () => {
    const answers = { check_answer_status: { answer_status: "Unsolved" }, check_task_solvable: { task_status: "Unsure" } };
    const labels = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (seed) => (await judgeToolbenchRound({ answer: cot["608"]!, judge: scriptedJudge(answers).judge, rng: createRng(seed) })).label),
    );
    const again = await judgeToolbenchRound({ answer: cot["608"]!, judge: scriptedJudge(answers).judge, rng: createRng(1) });
    expect(again.label).toBe(labels[0]);
    expect(again.coinFlip).toBe(true);
    expect(new Set(labels)).toEqual(new Set(["passed", "failed"]));
    const explicit = await judgeToolbenchRound({ answer: cot["608"]!, judge: scriptedJudge(answers).judge, rng: createRng(1), unsure: "explicit" });
    expect(explicit).toMatchObject({ label: "unsure", pass: "Unsure", coinFlip: false });
  });
});

describe("scoreToolbench", () => {
  it("passes ties and reports the share of passing queries", () => {
    expect(scoreToolbench([{ passed: 2, failed: 1 }, { passed: 1, failed: 1 }, { passed: 0, failed: 3 }, { passed: 0, failed: 0, unsure: 3 }])).toEqual({
      passRate: 50,
      passedQueries: 2,
      unsureQueries: 1,
      n: 4,
    });
  });
});
