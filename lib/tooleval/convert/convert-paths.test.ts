import { describe, expect, it } from "vitest";
import { convertRawAnswer } from "./convert";
import { FormatError } from "../formats/format-error";
import type { AnswerNode } from "../types";

const DFS_METHOD = "DFS_woFilter_w2";
const FINISH_ARGS = '{"return_type": "give_answer", "final_answer": "42"}';
const tools = [{ name: "search", description: "d", parameters: {} }, { name: "Finish" }];

const validAnswer = (conversation: unknown[]) => ({
  answer_generation: {
    valid_data: true,
    final_answer: FINISH_ARGS,
    function: tools,
    query: "q",
    train_messages: [[], [{ role: "system", content: "sys" }, { role: "user", content: "q" }, ...conversation]],
  },
});

const invalidAnswer = (extra: Record<string, unknown>) => ({
  answer_generation: { valid_data: false, final_answer: "", function: tools, query: "q", train_messages: [] },
  ...extra,
});

const node = (node_type: string, description: string, rest: Record<string, unknown> = {}) => ({
  node_type,
  description,
  ...rest,
});

const steps = (details: AnswerNode[]) => {
  const out: { role: string; message: unknown }[] = [];
  for (let item = details[0]; item; item = item.next[0]) out.push({ role: item.role, message: item.message });

  return out.slice(2);
};

const convert = (raw: unknown, method = "CoT@1", seed?: number) =>
  convertRawAnswer(raw, { method, queryId: 7, seed, file: "7_x.json" });

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);

    return (error as Error).message;
  }
  throw new Error("expected a FormatError");
};

describe("valid path", () => {
  it("pairs function_call with the next message, drops thoughts sent with a call, and blanks Finish", () => {
    const answer = convert(
      validAnswer([
        { role: "assistant", content: "thinking", function_call: { name: "search", arguments: "{}" } },
        { role: "function", name: "search", content: "obs" },
        { role: "user", content: "retry notice" },
        { role: "assistant", content: "so the answer is 42" },
        { role: "assistant", content: null, function_call: { name: "Finish", arguments: FINISH_ARGS } },
      ]),
    );
    expect(steps(answer.answer.answer_details)).toEqual([
      { role: "tool", message: { name: "search", arguments: "{}", response: "obs" } },
      { role: "assistant", message: "so the answer is 42" },
      { role: "tool", message: { name: "Finish", arguments: FINISH_ARGS, response: "" } },
    ]);
    expect(answer.answer.total_steps).toBe(5);
    expect(answer.answer.final_answer).toBe(FINISH_ARGS);
    expect(answer.available_tools).toBe(tools);
  });

  it("matches tool_calls with tool messages by id, drops unmatched calls and stops at Finish", () => {
    const answer = convert(
      validAnswer([
        {
          role: "assistant",
          content: null,
          function_call: null,
          tool_calls: [
            { id: "a", function: { name: "search", arguments: '{"q": 1}' } },
            { id: "lost", function: { name: "search", arguments: '{"q": 2}' } },
            { id: "b", function: { name: "search", arguments: '{"q": 3}' } },
          ],
        },
        { role: "tool", tool_call_id: "b", content: "obs b" },
        { role: "tool", tool_call_id: "a", content: "obs a" },
        {
          role: "assistant",
          tool_calls: [
            { id: "c", function: { name: "Finish", arguments: FINISH_ARGS } },
            { id: "d", function: { name: "search", arguments: "{}" } },
          ],
        },
      ]),
    );
    expect(steps(answer.answer.answer_details)).toEqual([
      { role: "tool", message: { name: "search", arguments: '{"q": 1}', response: "obs a" } },
      { role: "tool", message: { name: "search", arguments: '{"q": 3}', response: "obs b" } },
      { role: "tool", message: { name: "Finish", arguments: FINISH_ARGS, response: "" } },
    ]);
  });

  it("reports a call without an observation instead of crashing", () => {
    const message = errorOf(() => convert(validAnswer([{ role: "assistant", function_call: { name: "search", arguments: "{}" } }])));
    expect(message).toBe(
      "7_x.json: query 7: answer_generation.train_messages[1][2].function_call: the call to search has no following observation message",
    );
  });
});

describe("invalid CoT path", () => {
  const chain = [
    node("Thought", "look it up"),
    node("Action", "search"),
    node("Action Input", "{}", { observation: "obs" }),
    node("Action", "Finish"),
    node("Action Input", '{"return_type": "give_up_and_restart"}'),
  ];

  it("merges Action + Action Input into tool steps, keeping a Finish observation and defaulting it to empty", () => {
    const answer = convert(invalidAnswer({ trys: [{ chain, win: false }] }));
    expect(steps(answer.answer.answer_details)).toEqual([
      { role: "assistant", message: "look it up" },
      { role: "tool", message: { name: "search", arguments: "{}", response: "obs" } },
      { role: "tool", message: { name: "Finish", arguments: '{"return_type": "give_up_and_restart"}', response: "" } },
    ]);
    expect(answer.answer.final_answer).toBe("");
  });

  it("picks one try per seed, the same for the same seed", () => {
    const trys = Array.from({ length: 6 }, (_, index) => ({ chain: [node("Thought", `try ${index}`)] }));
    const picked = (seed: number) => steps(convert(invalidAnswer({ trys }), "CoT@6", seed).answer.answer_details)[0]!.message;
    expect(picked(3)).toBe(picked(3));
    expect(new Set(Array.from({ length: 30 }, (_, seed) => picked(seed))).size).toBeGreaterThan(1);
  });

  it("turns the original's crashes into errors naming file, query and path", () => {
    expect(errorOf(() => convert(invalidAnswer({ trys: [] })))).toBe("7_x.json: query 7: trys: the answer has no try to pick from");
    expect(errorOf(() => convert(invalidAnswer({ trys: [{ chain: [node("Action", "search")] }] })))).toBe(
      '7_x.json: query 7: trys[0].chain[0]: the Action "search" is not followed by an Action Input node',
    );
    expect(errorOf(() => convert(invalidAnswer({ tree: { tree: node("Action Input", "") } }), "CoT@1"))).toContain(
      "trys: method \"CoT@1\" reads invalid answers from `trys`, which is missing",
    );
    expect(errorOf(() => convert(invalidAnswer({ trys: [] }), "ReAct"))).toContain("names neither CoT nor DFS");
  });
});

describe("invalid DFS path", () => {
  const root = (children: unknown[]) => ({ tree: { size: 1, tree: node("Action Input", "", { children }) } });

  it("purifies Action/Action Input pairs and keeps extra inputs and bare Actions as raw nodes", () => {
    const extra = node("Action Input", '{"extra": 1}', { observation: "x", children: [] });
    const bare = node("Action", "dangling", { children: [] });
    const tree = root([
      node("Thought", "t", {
        children: [node("Action", "search", { children: [node("Action Input", "{}", { children: [bare] }), extra] })],
      }),
    ]);
    const branches = new Set<string>();
    for (let seed = 0; seed < 40; seed += 1) {
      branches.add(JSON.stringify(steps(convert(invalidAnswer(tree), DFS_METHOD, seed).answer.answer_details)));
    }
    expect([...branches].map((text) => JSON.parse(text)).sort((a, b) => a.length - b.length)).toEqual([
      [
        { role: "assistant", message: "t" },
        { role: "tool", message: { name: "search", arguments: "{}", response: "" } },
        { role: "Action Input", message: extra },
      ],
      [
        { role: "assistant", message: "t" },
        { role: "tool", message: { name: "search", arguments: "{}", response: "" } },
        { role: "Action", message: bare },
      ],
    ].sort((a, b) => a.length - b.length));
  });

  it("rejects an empty tree", () => {
    expect(errorOf(() => convert(invalidAnswer(root([])), DFS_METHOD))).toBe(
      "7_x.json: query 7: tree.tree.children: the search tree has no node below its root to convert",
    );
  });
});

describe("validation before conversion", () => {
  it("lists every malformed field with its path", () => {
    const message = errorOf(() =>
      convert({ answer_generation: { valid_data: true, final_answer: 3, function: [{}], query: "q", train_messages: [[]] } }),
    );
    expect(message.split("\n")).toEqual([
      "7_x.json: query 7: answer_generation.final_answer: expected string, received number",
      "7_x.json: query 7: answer_generation.function[0].name: missing required field (expected string)",
    ]);
  });
});
