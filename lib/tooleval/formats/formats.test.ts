import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  FormatError,
  detectFormat,
  parseConvertedAnswers,
  parseQueryFile,
  parseTestIds,
  safeParseConvertedAnswers,
  safeParsePreferenceJson,
  safeParseQueryFile,
  safeParseRawAnswer,
  safeParseResultTsv,
  safeParseStablePassRateJson,
  safeParseTestIds,
} from "./index";
import { FIXTURES as FIXTURES_ROOT } from "../../../tests/support/fixtures";

const FIXTURES = FIXTURES_ROOT;
const text = (file: string) => fs.readFileSync(path.join(FIXTURES, file), "utf8");
const json = (file: string): unknown => JSON.parse(text(file));
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(path.join(FIXTURES, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(FIXTURES, path.join(entry.parentPath, entry.name)));

const SETS = { G1_instruction: 163, G1_category: 153, G1_tool: 158, G2_instruction: 106, G2_category: 124, G3_instruction: 61 };
const RAW_ANSWERS = [...filesUnder("stabletoolbench/data_example/answer"), ...filesUnder("toolbench/data_example/answer")];
const CONVERTED = "stabletoolbench/data_example/model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json";

describe("fixtures validate", () => {
  it("query files: the six StableToolBench sets, the example and ToolBench's minimal forms", () => {
    for (const [set, count] of Object.entries(SETS)) {
      expect(parseQueryFile(json(`stabletoolbench/solvable_queries/test_instruction/${set}.json`))).toHaveLength(count);
      expect(Object.keys(parseTestIds(json(`stabletoolbench/solvable_queries/test_query_ids/${set}.json`)))).toHaveLength(count);
    }
    for (const file of filesUnder("toolbench/data_example/instruction")) expect(() => parseQueryFile(json(file)), file).not.toThrow();
  });

  it("raw answers (21) and converted answers", () => {
    expect(RAW_ANSWERS).toHaveLength(21);
    for (const file of RAW_ANSWERS) expect(safeParseRawAnswer(json(file), { file }).success, file).toBe(true);
    expect(Object.keys(parseConvertedAnswers(json(CONVERTED)))).toHaveLength(3);
  });

  it("result files", () => {
    for (const model of ["virtual_chatgpt_cot", "virtual_chatgpt_dfs"]) {
      const base = `stabletoolbench/data_example/pass_rate_results/${model}/G1_instruction_${model}`;
      expect(safeParseStablePassRateJson(json(`${base}.json`)).success).toBe(true);
      expect(safeParseResultTsv(text(`${base}.csv`))).toMatchObject({ success: true, data: { kind: "stabletoolbench-pass-rate" } });
    }
    const preference = "stabletoolbench/data_example/preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs";
    expect(safeParsePreferenceJson(json(`${preference}.json`)).success).toBe(true);
    expect(safeParseResultTsv(text(`${preference}.csv`))).toMatchObject({ success: true, data: { kind: "preference" } });
  });
});

describe("issues name file, query and path", () => {
  it("in a converted answer file", () => {
    const file = json(CONVERTED) as Record<string, { answer: { answer_details: { next: { role: unknown }[] }[] } }>;
    file["588"]!.answer.answer_details[0]!.next[0]!.role = 3;
    expect(() => parseConvertedAnswers(file, { file: "answers/G1_instruction.json" })).toThrow(
      new FormatError([
        {
          file: "answers/G1_instruction.json",
          queryId: "588",
          path: "answer.answer_details[0].next[0].role",
          message: "expected string, received number",
        },
      ]),
    );
  });

  it("checks messages by role and accepts the legacy Python-repr strings", () => {
    const node = (role: string, message: unknown) => ({ role, message, next: [] });
    const answer = (details: unknown) => ({
      "1": { query: "q", available_tools: [{ name: "Finish" }], answer: { method: "m", total_steps: 1, final_answer: "", answer_details: [details] } },
    });
    expect(safeParseConvertedAnswers(answer(node("tool", "{'name': 'Finish', 'arguments': '{\\n  \"return_ty"))).success).toBe(true);
    expect(safeParseConvertedAnswers(answer(node("Action Input", { node_type: "Action Input" }))).success).toBe(true);
    const result = safeParseConvertedAnswers(answer({ role: "system", message: "", next: [node("tool", { name: "x", arguments: 1 })] }));
    expect(result.success ? [] : result.issues.map(({ path: at, message }) => `${at}: ${message}`)).toEqual([
      "answer.answer_details[0].next[0].message.arguments: expected string, received number",
      "answer.answer_details[0].next[0].message.response: missing required field (expected string)",
    ]);
  });

  it("in a query file, by the record's query_id; in a test-id file, by key", () => {
    const result = safeParseQueryFile([{ query_id: 5, query: "q", api_list: [{ tool_name: "t" }] }], { file: "q.json" });
    expect(result.success ? [] : result.issues).toEqual([
      { file: "q.json", queryId: "5", path: "[0].api_list[0].api_name", message: "missing required field (expected string)" },
    ]);
    const ids = safeParseTestIds({ "12": 0, abc: 0 }, { file: "ids.json" });
    expect(ids.success ? [] : ids.issues).toEqual([
      { file: "ids.json", queryId: "abc", path: "", message: "invalid key: query ids are integers" },
    ]);
  });

  it("caps the list and counts the rest", () => {
    const broken = Object.fromEntries(Array.from({ length: 50 }, (_, id) => [String(id), { query: 1 }]));
    const result = safeParseConvertedAnswers(broken, { file: "big.json" });
    if (result.success) throw new Error("expected issues");
    expect(result.issues).toHaveLength(20);
    expect(result.issueCount).toBe(150);
    expect(() => parseConvertedAnswers(broken, { file: "big.json" })).toThrow(/… and 130 more issues$/);
  });

  it("in a preference file whose queries count different models", () => {
    const result = safeParsePreferenceJson({ "1": { a: 1, b: 0, round_0: "complete" }, "2": { a: 1, c: 0 } }, { file: "p.json" });
    expect(result.success ? [] : result.issues).toEqual([
      { file: "p.json", queryId: "2", path: "", message: 'model names differ between queries ("a / b" vs "a / c")' },
    ]);
  });

  it("in a result TSV, by row and column", () => {
    const tsv = "query\tavailable_tools\tmodel_intermediate_steps\tmodel_final_step\tmodel\tquery_id\tis_solved\r\nq\t['a']\t\t\tm\t7\t{0: 'Solved'}\r\n";
    const result = safeParseResultTsv(tsv, { file: "r.csv" });
    expect(result.success ? [] : result.issues).toEqual([
      { file: "r.csv", queryId: "7", path: "row 1, column is_solved", message: "unexpected round entry 0: 'Solved'" },
    ]);
  });
});

describe("detectFormat", () => {
  it("recognises every fixture kind", () => {
    const kinds = (file: string) => detectFormat(file, file.endsWith(".csv") ? text(file) : json(file));
    expect(RAW_ANSWERS.map(kinds).every(({ kind }) => kind === "raw-answer")).toBe(true);
    expect(kinds(CONVERTED)).toEqual({ kind: "converted-answers" });
    expect(kinds("stabletoolbench/solvable_queries/test_instruction/G1_tool.json")).toEqual({ kind: "queries" });
    expect(kinds("toolbench/data_example/instruction/inference_query_demo_open_domain.json")).toEqual({ kind: "queries" });
    expect(kinds("stabletoolbench/solvable_queries/test_query_ids/G1_tool.json")).toEqual({ kind: "test-ids" });
    const passRate = "stabletoolbench/data_example/pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot";
    expect(kinds(`${passRate}.json`)).toEqual({ kind: "pass-rate", variant: "stabletoolbench", encoding: "json" });
    expect(kinds(`${passRate}.csv`)).toEqual({ kind: "pass-rate", variant: "stabletoolbench", encoding: "tsv" });
    const preference = "stabletoolbench/data_example/preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs";
    expect(kinds(`${preference}.json`)).toEqual({ kind: "preference", encoding: "json" });
    expect(kinds(`${preference}.csv`)).toEqual({ kind: "preference", encoding: "tsv" });
  });

  it("parses JSON text, recognises ToolBench v1 pass rates and explains unknown content", () => {
    expect(detectFormat("x.json", '{"1": {"passed": 1, "failed": 0, "is_solved": "AnswerStatus.Solved"}}')).toEqual({
      kind: "pass-rate",
      variant: "toolbench",
      encoding: "json",
    });
    expect(detectFormat("x.json", "{")).toMatchObject({ kind: "unknown", reason: expect.stringContaining("not valid JSON") });
    expect(detectFormat("x.json", {})).toEqual({ kind: "unknown", reason: "an empty object" });
    expect(detectFormat("x.csv", "a\tb\r\n")).toMatchObject({ kind: "unknown" });
  });
});
