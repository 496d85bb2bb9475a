import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertRawAnswer } from "./convert";
import { answerFileQueryId, convertAnswerDir, selectAnswerFiles } from "./convert-dir";
import { parseConvertedAnswers } from "../formats/converted-answer";
import { keysInFileOrder, parseJsonKeepingOrder } from "../json-text";
import { pyJsonDumps } from "../python";
import type { AnswerNode, ConvertedAnswer } from "../types";
import { FIXTURES as FIXTURES_ROOT } from "../../../tests/support/fixtures";

const FIXTURES = FIXTURES_ROOT;
const STB = path.join(FIXTURES, "stabletoolbench/data_example");
const TOOLBENCH_ANSWERS = path.join(FIXTURES, "toolbench/data_example/answer");
const DFS = "DFS_woFilter_w2";

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
const toolBenchFile = (group: string, id: number) =>
  path.join(TOOLBENCH_ANSWERS, `${group}_answer`, `${id}_ChatGPT_DFS_woFilter_w2.json`);
const convertToolBench = (group: string, id: number, seed?: number) =>
  convertRawAnswer(readJson(toolBenchFile(group, id)), { method: DFS, queryId: id, seed });

const chainOf = (answer: ConvertedAnswer): AnswerNode[] => {
  const nodes: AnswerNode[] = [];
  for (let node = answer.answer.answer_details[0]; node; node = node.next[0]) nodes.push(node);

  return nodes;
};

const expectWellFormed = (answer: ConvertedAnswer) => {
  const nodes = chainOf(answer);
  expect(answer.answer.answer_details).toHaveLength(1);
  expect(nodes.every((node) => node.next.length <= 1)).toBe(true);
  expect(nodes.slice(0, 2)).toMatchObject([{ role: "system", message: "" }, { role: "user", message: "" }]);
  expect(answer.answer.total_steps).toBe(nodes.length);
  for (const node of nodes.slice(2)) {
    if (node.role === "tool") {
      expect(node.message).toEqual({ name: expect.any(String), arguments: expect.any(String), response: expect.any(String) });
    } else {
      expect(node.role).toBe("assistant");
      expect(node.message).toEqual(expect.any(String));
    }
  }
  expect(() => parseConvertedAnswers({ x: answer })).not.toThrow();
};

describe("convertAnswerDir on the StableToolBench example (parity)", () => {
  for (const [model, method] of [
    ["virtual_chatgpt_cot", "CoT@1"],
    ["virtual_chatgpt_dfs", DFS],
  ] as const) {
    it(`reproduces model_predictions_converted/${model} exactly`, () => {
      const converted = convertAnswerDir({ dir: path.join(STB, "answer", model, "G1_instruction"), method });
      const file = path.join(STB, "model_predictions_converted", model, "G1_instruction.json");
      expect(converted).toStrictEqual(readJson(file));
      // Byte level: Python's json.dumps of our records, in the file's query order, is the file itself.
      const text = fs.readFileSync(file, "utf8");
      const order = keysInFileOrder(parseJsonKeepingOrder(text) as object);
      const rebuilt = `{${order.map((id) => `${JSON.stringify(id)}: ${pyJsonDumps(converted[id])}`).join(", ")}}`;
      expect(rebuilt).toBe(text);
    });
  }

  it("converts the invalid CoT answer 588 from its single try (no Finish at the end)", () => {
    const converted = convertAnswerDir({ dir: path.join(STB, "answer/virtual_chatgpt_cot/G1_instruction"), method: "CoT@1", seed: 7 });
    expect(converted["588"]!.answer.final_answer).toBe("");
    expect(chainOf(converted["588"]!).at(-1)!.message).toMatchObject({ name: "list_artist_concerts_for_theclique" });
  });
});

describe("convertRawAnswer on ToolBench DFS answers", () => {
  const all = ["G1", "G2", "G3"].flatMap((group) =>
    fs.readdirSync(path.join(TOOLBENCH_ANSWERS, `${group}_answer`)).map((name) => [group, Number(answerFileQueryId(name))] as const),
  );

  it("produces a single well-formed chain for all 15 answers", () => {
    expect(all).toHaveLength(15);
    for (const [group, id] of all) expectWellFormed(convertToolBench(group, id));
  });

  it("walks a random branch of invalid trees (G1 69, G3 8), reproducibly per seed", () => {
    for (const [group, id] of [["G1", 69], ["G3", 8]] as const) {
      const first = convertToolBench(group, id, 42);
      expect(first.answer.final_answer).toBe("");
      expect(convertToolBench(group, id, 42)).toStrictEqual(first);
      const branches = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(chainOf(convertToolBench(group, id, seed)))));
      expect(branches.size).toBeGreaterThan(1);
    }
  });

  it("ends give-ups (G2 10, 119, 127, G3 13) with a Finish call whose arguments give up", () => {
    for (const [group, id] of [["G2", 10], ["G2", 119], ["G2", 127], ["G3", 13]] as const) {
      const answer = convertToolBench(group, id);
      expect(answer.answer.final_answer).toContain("give_up_and_restart");
      const last = chainOf(answer).at(-1)!;
      expect(last.role).toBe("tool");
      expect(last.message).toMatchObject({ name: "Finish", response: "" });
      expect((last.message as { arguments: string }).arguments).toContain("give_up");
    }
  });
});

describe("answer file selection", () => {
  it("refuses two files with the same query id instead of keeping the last", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-dup-"));
    const answer = fs.readFileSync(path.join(STB, "answer/virtual_chatgpt_cot/G1_instruction/608_CoT@1.json"));
    fs.writeFileSync(path.join(dir, "608_CoT@1.json"), answer);
    fs.writeFileSync(path.join(dir, "608_CoT@1_rerun.json"), answer);
    try {
      expect(() => convertAnswerDir({ dir, method: "CoT@1" })).toThrow(
        "608_CoT@1_rerun.json: query 608: query id already taken by 608_CoT@1.json",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps .json names containing the method, sorted, and takes the id before the first underscore", () => {
    const names = ["608_CoT@1.json", "1073_CoT@1.json", "588_DFS_woFilter_w2.json", "9_CoT@1.txt", "notes"];
    expect(selectAnswerFiles(names, "CoT@1")).toEqual(["1073_CoT@1.json", "608_CoT@1.json"]);
    expect(answerFileQueryId("10_ChatGPT_DFS_woFilter_w2.json")).toBe("10");
  });
});
