import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startFakeJudge, type FakeJudge } from "../../../tests/support/fake-judge-server";
import { createJudgeClient } from "../judge/client";
import { judgePreferenceRound } from "../protocols/preference";
import { judgeSoprRound } from "../protocols/sopr";
import { pyJsonDumps } from "../python";
import { createRng } from "../random";
import type { ConvertedAnswerFile } from "../types";
import { loadEvaluatorFolder } from "./load-evaluator";
import { STB_FIXTURES } from "../../../tests/support/fixtures";

/**
 * Prompt parity with ToolEval: the requests our client sends for the fixture answers must equal the
 * ones ToolEval builds from its own evaluator folder. The expected requests are assembled here
 * independently of our template parser: raw text cut out of template.txt, plain string replacement of
 * the placeholders, json.dumps via pyJsonDumps, and the function schema straight from config.yaml.
 */
const FIXTURES = STB_FIXTURES;
const FOLDER = path.join(FIXTURES, "evaluators/tooleval_gpt-3.5-turbo_default");
const templateText = readFileSync(path.join(FOLDER, "template.txt"), "utf8");
const config = parseYaml(readFileSync(path.join(FOLDER, "config.yaml"), "utf8")) as {
  completions_kwargs: { model: string; max_tokens: number; temperature: number; functions: { name: string; parameters: { properties: object; required: string[] } }[] };
};
const answers = (model: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, `data_example/model_predictions_converted/${model}/G1_instruction.json`), "utf8")) as ConvertedAnswerFile;
const cot = answers("virtual_chatgpt_cot");
const dfs = answers("virtual_chatgpt_dfs");

const rawTemplate = (fn: string) => {
  const start = templateText.indexOf(`<name>${fn}</name>`);
  const open = templateText.indexOf("<description>", start) + "<description>".length;

  return templateText.slice(open, templateText.indexOf("</description>", open));
};
const fill = (fn: string, vars: Record<string, string>) =>
  Object.entries(vars).reduce((text, [name, value]) => text.split(`{${name}}`).join(value), rawTemplate(fn));
const expectedBody = (fn: string, vars: Record<string, string>, withReason: boolean) => {
  const schema = structuredClone(config.completions_kwargs.functions.find((f) => f.name === fn)!);
  if (withReason) {
    schema.parameters.required.push("reason");
    (schema.parameters.properties as Record<string, unknown>).reason = { type: "string", description: "explain your answer." };
  }
  const { model, max_tokens, temperature } = config.completions_kwargs;

  return {
    model,
    max_tokens,
    temperature,
    tools: [{ type: "function", function: schema }],
    tool_choice: { type: "function", function: { name: fn } },
    messages: [{ role: "user", content: fill(fn, vars) }],
  };
};

let server: FakeJudge;
beforeAll(async () => {
  server = await startFakeJudge({ recordRequests: true });
});
afterAll(async () => {
  await server.close();
});

const judgeWith = async (rules: { fn: string; contains: string; args: Record<string, unknown> }[]) => {
  server.reset();
  server.setConfig({ rules });
  const evaluator = await loadEvaluatorFolder(FOLDER);

  return createJudgeClient({ evaluator, baseURL: server.url, apiKey: "k", sleep: async () => {} }).judge;
};

describe("prompt parity with ToolEval's default evaluator", () => {
  it.each(["virtual_chatgpt_cot", "virtual_chatgpt_dfs"])("SoPR requests for every %s answer", async (model) => {
    const judge = await judgeWith([
      { fn: "check_answer_status", contains: "", args: { answer_status: "Unsure" } },
      { fn: "parse_answer_status", contains: "", args: { answer_status: "Solved" } },
    ]);
    const file = model === "virtual_chatgpt_cot" ? cot : dfs;
    for (const [qid, example] of Object.entries(file)) {
      server.reset();
      const round = await judgeSoprRound({ answer: example, judge });
      if (model === "virtual_chatgpt_cot" && qid === "588") {
        expect(round.label).toBe("Unsolved");
        expect(server.requests()).toEqual([]);
        continue;
      }
      expect(round.label).toBe("Solved");
      const [check, parse] = server.requests();
      const expectedCheck = expectedBody("check_answer_status", { query: example.query, answer: example.answer.final_answer }, true);
      const expectedParse = expectedBody("parse_answer_status", { query: example.query, answer: pyJsonDumps(example.answer) }, true);
      expect((check!.messages as { content: string }[])[0]!.content).toBe(expectedCheck.messages[0]!.content);
      expect(check).toEqual(expectedCheck);
      expect(parse).toEqual(expectedParse);
      expect(expectedParse.messages[0]!.content).toContain('{"method": ');
    }
  });

  it.each(["588", "608", "1073"])("preference requests for query %s (CoT reference vs DFS candidate)", async (qid) => {
    const judge = await judgeWith([
      { fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } },
      { fn: "select_better_answer", contains: "", args: { index: 1 } },
    ]);
    const reference = cot[qid]!;
    const candidate = dfs[qid]!;
    const round = await judgePreferenceRound({ reference, candidate, judge, rng: createRng(7, qid) });
    const processed = (side: typeof reference) => {
      expect([...side.answer.final_answer].length).toBeLessThan(1000);

      return { total_steps: side.answer.total_steps, final_answer: side.answer.final_answer, answer_details: side.answer.answer_details };
    };
    const shown = { reference: processed(reference), candidate: processed(candidate) };
    const requests = server.requests();
    const checks = requests.filter((body) => (body.tool_choice as { function: { name: string } }).function.name === "check_answer_status");
    const expectedChecks = round.order
      .filter((side) => shown[side].final_answer !== "")
      .map((side) => expectedBody("check_answer_status", { query: reference.query, answer: shown[side].final_answer }, false));
    expect(checks).toEqual(expect.arrayContaining(expectedChecks));
    expect(checks).toHaveLength(expectedChecks.length);
    if (qid === "588") {
      expect(round).toMatchObject({ winner: "candidate", statuses: { reference: "Unsolved", candidate: "Solved" } });
      expect(requests).toHaveLength(1);

      return;
    }
    const [first, second] = round.order as ["reference" | "candidate", "reference" | "candidate"];
    const select = requests.at(-1)!;
    expect(requests).toHaveLength(3);
    expect(select).toEqual(
      expectedBody("select_better_answer", { query: reference.query, answer_0: pyJsonDumps(shown[first]), answer_1: pyJsonDumps(shown[second]) }, true),
    );
    expect(round.winner).toBe(second);
  });
});
