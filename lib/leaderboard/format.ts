/** The column headings of the published ToolBench / StableToolBench tables. */
export const SET_LABELS: Record<string, string> = {
  G1_instruction: "I1-Inst.",
  G1_category: "I1-Cat.",
  G1_tool: "I1-Tool",
  G2_instruction: "I2-Inst.",
  G2_category: "I2-Cat.",
  G3_instruction: "I3-Inst.",
};

export const PROTOCOL_LABELS: Record<string, string> = {
  sopr: "Solvable pass rate (SoPR)",
  toolbench: "ToolBench pass rate",
  rules: "Rule-based pass rate",
  preference: "Win rate (SoWR)",
};

/** One decimal, as the published tables; "±" only when a std exists. */
export const formatScore = (value: number, std?: number) =>
  std === undefined ? value.toFixed(1) : `${value.toFixed(1)} ± ${std.toFixed(1)}`;
