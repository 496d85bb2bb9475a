import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyJsonDumps } from "../python";
import type { AnswerStatus, ConvertedAnswer, ConvertedAnswerFile } from "../types";
import { judgeSoprRound, scoreSopr } from "./sopr";
import { scriptedJudge } from "../../../tests/support/scripted-judge";
import { STB_EXAMPLE } from "../../../tests/support/fixtures";

const FIXTURES = STB_EXAMPLE;
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as T;
const cot = read<ConvertedAnswerFile>("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");

const withFinal = (finalAnswer: string): ConvertedAnswer => ({ ...cot["1073"]!, answer: { ...cot["1073"]!.answer, final_answer: finalAnswer } });

describe("judgeSoprRound", () => {
  it("scores an answer whose last tool call is not Finish as Unsolved without a call", async () => {
    const { judge, calls } = scriptedJudge({});
    const round = await judgeSoprRound({ answer: cot["588"]!, judge });
    expect(round).toEqual({ label: "Unsolved", trace: [{ stage: "no_finish", shortcut: "no_finish", verdict: "Unsolved", reason: "No answer" }] });
    expect(calls).toEqual([]);
  });

  it.each(["", '{"return_type": "give_up_and_restart"}'])("scores an empty or give-up final answer %j as Unsolved without a call", async (finalAnswer) => {
    const { judge, calls } = scriptedJudge({});
    const round = await judgeSoprRound({ answer: withFinal(finalAnswer), judge });
    expect(round.label).toBe("Unsolved");
    expect(round.trace[0]).toMatchObject({ shortcut: "empty_final_answer" });
    expect(calls).toEqual([]);
  });

  it("takes a definite check_answer_status verdict", async () => {
    const { judge, calls } = scriptedJudge({ check_answer_status: { answer_status: "Solved" } });
    const round = await judgeSoprRound({ answer: cot["1073"]!, judge });
    expect(round.label).toBe("Solved");
    expect(calls).toEqual([{ fn: "check_answer_status", vars: { query: cot["1073"]!.query, answer: cot["1073"]!.answer.final_answer }, withReason: true, stage: "check_answer_status" }]);
    expect(round.trace).toEqual([{ stage: "check_answer_status", fn: "check_answer_status", verdict: "Solved", reason: "because check_answer_status" }]);
  });

  it("asks parse_answer_status on the whole answer when the first verdict is Unsure", async () => {
    const { judge, calls } = scriptedJudge({ check_answer_status: { answer_status: "Unsure" }, parse_answer_status: { answer_status: "Unsure" } });
    const round = await judgeSoprRound({ answer: cot["608"]!, judge });
    expect(round.label).toBe("Unsure");
    expect(calls.map(({ stage }) => stage)).toEqual(["check_answer_status", "parse_answer_status"]);
    expect(calls[1]!.vars.answer).toBe(pyJsonDumps(cot["608"]!.answer));
  });

  it("lets a judge failure propagate instead of guessing", async () => {
    const { judge } = scriptedJudge({ check_answer_status: { answer_status: "Perhaps" } });
    await expect(judgeSoprRound({ answer: cot["608"]!, judge })).rejects.toMatchObject({ kind: "bad_output" });
  });
});

type PassRateFile = Record<string, { is_solved: Record<string, string> }>;
const labelsOf = (file: PassRateFile) =>
  Object.values(file).map(({ is_solved }) =>
    Object.fromEntries(Object.entries(is_solved).map(([round, label]) => [Number(round), label.replace("AnswerStatus.", "") as AnswerStatus])),
  );

describe("scoreSopr", () => {
  it("reproduces the fixture results: CoT 66.7 ± 0.0, DFS 100.0 ± 0.0", () => {
    const cotScore = scoreSopr({ labels: labelsOf(read("pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json")), evaluateTimes: 3 });
    expect(cotScore.passRate.toFixed(1)).toBe("66.7");
    expect(cotScore.std.toFixed(1)).toBe("0.0");
    expect(cotScore.rounds.map((r) => r.toFixed(2))).toEqual(["66.67", "66.67", "66.67"]);
    const dfsScore = scoreSopr({ labels: labelsOf(read("pass_rate_results/virtual_chatgpt_dfs/G1_instruction_virtual_chatgpt_dfs.json")), evaluateTimes: 3 });
    expect(dfsScore).toMatchObject({ passRate: 100, std: 0, unsure: 0, n: 3 });
  });

  it("weights Unsure 0.5, counts missing rounds as 0 and uses the population std", () => {
    const score = scoreSopr({ labels: [{ 0: "Solved", 1: "Unsure" }, { 0: "Solved" }], evaluateTimes: 2 });
    expect(score.rounds).toEqual([100, 25]);
    expect(score.passRate).toBe(62.5);
    expect(score.std).toBe(37.5);
    expect(score.unsure).toBe(1);
  });

  it("divides by the test-set size on request (missing answers count as 0)", () => {
    const labels: Partial<Record<number, AnswerStatus>>[] = [{ 0: "Solved" }, { 0: "Solved" }];
    expect(scoreSopr({ labels, evaluateTimes: 1 }).passRate).toBe(100);
    expect(scoreSopr({ labels, evaluateTimes: 1, denominator: "test-set", testSetSize: 4 }).passRate).toBe(50);
  });
});
