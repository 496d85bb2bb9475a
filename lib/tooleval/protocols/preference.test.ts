import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyJsonDumps } from "../python";
import { createRng } from "../random";
import type { ConvertedAnswer, ConvertedAnswerFile } from "../types";
import { judgePreferenceRound, scorePreference } from "./preference";
import { processAnswer, processTools } from "./process-answer";
import { scriptedJudge } from "../../../tests/support/scripted-judge";
import { STB_EXAMPLE } from "../../../tests/support/fixtures";

const FIXTURES = STB_EXAMPLE;
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as T;
const cot = read<ConvertedAnswerFile>("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");
const dfs = read<ConvertedAnswerFile>("model_predictions_converted/virtual_chatgpt_dfs/G1_instruction.json");

describe("processAnswer / processTools", () => {
  it("cuts the final answer to 1000 code points, drops method and keeps key order", () => {
    const long = "😀".repeat(1001);
    const processed = processAnswer({ ...cot["1073"]!.answer, final_answer: long });
    expect(Object.keys(processed)).toEqual(["total_steps", "final_answer", "answer_details"]);
    expect([...processed.final_answer]).toHaveLength(1000);
    expect(cot["1073"]!.answer.method).toBe("CoT@1");
  });

  it("strips description and parameters from tools", () => {
    expect(processTools([{ name: "a", description: "d", parameters: {} }, { type: "function", function: {} }])).toEqual([{ name: "a" }, { type: "function", function: {} }]);
  });
});

describe("judgePreferenceRound", () => {
  const rng = () => createRng("seed", "q", 0);

  it("gives the round to the side that answered when one is missing, without calls", async () => {
    const { judge, calls } = scriptedJudge({});
    expect((await judgePreferenceRound({ reference: cot["608"], judge, rng: rng() })).winner).toBe("reference");
    expect((await judgePreferenceRound({ candidate: dfs["608"], judge, rng: rng() })).winner).toBe("candidate");
    expect((await judgePreferenceRound({ judge, rng: rng() })).winner).toBe("candidate");
    expect((await judgePreferenceRound({ judge, rng: rng(), options: { bothMissing: "tie" } })).winner).toBe("none");
    expect(calls).toEqual([]);
  });

  it("lets the only Solved answer win, with stage keys by role", async () => {
    const { judge, calls } = scriptedJudge({
      "reference:check_answer_status": { answer_status: "Unsolved" },
      "candidate:check_answer_status": { answer_status: "Solved" },
    });
    const round = await judgePreferenceRound({ reference: cot["608"], candidate: dfs["608"], judge, rng: rng() });
    expect(round).toMatchObject({ winner: "candidate", statuses: { reference: "Unsolved", candidate: "Solved" } });
    expect(calls.every(({ withReason }) => !withReason)).toBe(true);
    expect(new Set(calls.map(({ stage }) => stage))).toEqual(new Set(["reference:check_answer_status", "candidate:check_answer_status"]));
  });

  it("lets the only Unsure answer win when nothing is solved", async () => {
    const { judge } = scriptedJudge({
      "reference:check_answer_status": { answer_status: "Unsure" },
      "reference:parse_answer_status": { answer_status: "Unsure" },
      "candidate:check_answer_status": { answer_status: "Unsolved" },
    });
    expect((await judgePreferenceRound({ reference: cot["608"], candidate: dfs["608"], judge, rng: rng() })).winner).toBe("reference");
  });

  it("asks check_task_solvable and select_better_answer when both are unsolved, mapping the index back", async () => {
    const { judge, calls } = scriptedJudge({ check_answer_status: { answer_status: "Unsolved" }, check_task_solvable: { task_status: "Solvable" }, select_better_answer: { index: 0 } });
    const round = await judgePreferenceRound({ reference: cot["1073"], candidate: dfs["1073"], judge, rng: rng() });
    expect(round.winner).toBe(round.order[0]);
    const select = calls.find(({ fn }) => fn === "select_better_answer")!;
    const shown = round.order.map((side) => processAnswer((side === "reference" ? cot : dfs)["1073"]!.answer));
    expect(select.vars).toEqual({ query: cot["1073"]!.query, answer_0: pyJsonDumps(shown[0]), answer_1: pyJsonDumps(shown[1]) });
    expect(calls.find(({ fn }) => fn === "check_task_solvable")!.vars.task).toBe(
      pyJsonDumps({ query: cot["1073"]!.query, available_tools: processTools(cot["1073"]!.available_tools) }),
    );
    expect(round.trace.map(({ stage }) => stage)).toContain("select_better_answer");
  });

  it("skips check_task_solvable when both are solved, or on request", async () => {
    const both = scriptedJudge({ check_answer_status: { answer_status: "Solved" }, select_better_answer: { index: 1 } });
    await judgePreferenceRound({ reference: cot["1073"], candidate: dfs["1073"], judge: both.judge, rng: rng() });
    expect(both.calls.map(({ fn }) => fn).sort()).toEqual(["check_answer_status", "check_answer_status", "select_better_answer"]);
    const skip = scriptedJudge({ check_answer_status: { answer_status: "Unsolved" }, select_better_answer: { index: 1 } });
    await judgePreferenceRound({ reference: cot["1073"], candidate: dfs["1073"], judge: skip.judge, rng: rng(), options: { skipTaskSolvable: true } });
    expect(skip.calls.some(({ fn }) => fn === "check_task_solvable")).toBe(false);
  });

  it("picks identical answers at random without select_better_answer, reproducibly per seed", async () => {
    const answer: ConvertedAnswer = dfs["608"]!;
    const pick = async (seed: number) => {
      const { judge, calls } = scriptedJudge({ check_answer_status: { answer_status: "Solved" } });
      const round = await judgePreferenceRound({ reference: answer, candidate: structuredClone(answer), judge, rng: createRng(seed) });
      expect(calls.some(({ fn }) => fn === "select_better_answer")).toBe(false);

      return round.winner;
    };
    const winners = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(pick));
    expect(new Set(winners)).toEqual(new Set(["reference", "candidate"]));
    expect(await pick(3)).toBe(winners[2]);
    const early = scriptedJudge({});
    await judgePreferenceRound({ reference: answer, candidate: answer, judge: early.judge, rng: rng(), options: { earlyIdentical: true } });
    expect(early.calls).toEqual([]);
  });

  it("uses supplied statuses by role instead of judging", async () => {
    const { judge, calls } = scriptedJudge({});
    const round = await judgePreferenceRound({
      reference: cot["608"],
      candidate: dfs["608"],
      judge,
      rng: rng(),
      options: { statuses: { reference: "Solved", candidate: "Unsolved" } },
    });
    expect(round.winner).toBe("reference");
    expect(calls).toEqual([]);
  });

  it("shows the answers in both orders across seeds", async () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 12; seed += 1) {
      const { judge } = scriptedJudge({ check_answer_status: { answer_status: "Solved" }, select_better_answer: { index: 0 } });
      orders.add((await judgePreferenceRound({ reference: cot["608"], candidate: dfs["608"], judge, rng: createRng(seed) })).order.join(","));
    }
    expect(orders).toEqual(new Set(["reference,candidate", "candidate,reference"]));
  });
});

describe("scorePreference", () => {
  it("reproduces the fixture: DFS wins 3 of 3 against CoT", () => {
    const file = read<Record<string, Record<string, number | string>>>("preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json");
    const counts = Object.values(file).map((entry) => ({ reference: entry.virtual_chatgpt_cot as number, candidate: entry.virtual_chatgpt_dfs as number }));
    expect(scorePreference(counts)).toEqual({ n: 3, wins: 3, ties: 0, losses: 0, winRate: 100, winRateHalfTies: 100 });
  });

  it("reports ties separately and credits half a tie in winRateHalfTies", () => {
    expect(scorePreference([{ reference: 1, candidate: 2 }, { reference: 1, candidate: 1 }, { reference: 2, candidate: 0 }, { reference: 0, candidate: 0 }])).toEqual({
      n: 4,
      wins: 1,
      ties: 2,
      losses: 1,
      winRate: 25,
      winRateHalfTies: 50,
    });
  });
});
