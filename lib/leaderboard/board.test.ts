import { describe, expect, it } from "vitest";
import { buildBoard, type BoardEntry } from "./board";

const passRate = (model: string, testSet: string, passRateValue: number, std: number, finishedAt = new Date(2026, 0, 1)): BoardEntry => ({
  model,
  method: "CoT@1",
  isDemo: false,
  testSet,
  version: 1,
  runId: `${model}-${testSet}-${finishedAt.getTime()}`,
  finishedAt,
  result: { kind: "pass_rate", value: { answered: 3, total: 3, passRate: passRateValue, std, rounds: [passRateValue], unsure: 0, errors: 0 } },
});

describe("buildBoard", () => {
  it("averages the set means and the set stds, StableToolBench style, and sorts by the average", () => {
    const rows = buildBoard([
      passRate("a", "G1_instruction", 50, 1),
      passRate("a", "G1_category", 70, 3),
      passRate("b", "G1_instruction", 90, 0),
    ]);
    expect(rows.map((row) => row.model)).toEqual(["b", "a"]);
    expect(rows[1]!.average).toEqual({ value: 60, std: 2, sets: 2 });
    expect(rows[0]!.average).toEqual({ value: 90, std: 0, sets: 1 });
  });

  it("keeps only the newest result per model and set", () => {
    const rows = buildBoard([
      passRate("a", "G1_instruction", 10, 0, new Date(2026, 0, 1)),
      passRate("a", "G1_instruction", 40, 0, new Date(2026, 0, 2)),
    ]);
    expect(rows[0]!.cells.G1_instruction!.value).toBe(40);
  });

  it("reports win rates without a std", () => {
    const rows = buildBoard([
      {
        ...passRate("dfs", "G1_instruction", 0, 0),
        result: { kind: "preference", value: { n: 3, wins: 3, ties: 0, losses: 0, winRate: 100, winRateHalfTies: 100, errors: 0 } },
      },
    ]);
    expect(rows[0]!.average).toEqual({ value: 100, std: undefined, sets: 1 });
    expect(rows[0]!.cells.G1_instruction!.detail).toContain("3 wins");
  });

  it("returns no rows for no entries", () => {
    expect(buildBoard([])).toEqual([]);
  });
});
