import path from "node:path";
import { describe, expect, it } from "vitest";
import { JUDGE_FUNCTIONS } from "../types";
import { DEFAULT_EVALUATOR } from "./default-evaluator";
import { hashEvaluator } from "./hash-evaluator";
import { loadEvaluatorFolder } from "./load-evaluator";
import { parseEvaluator } from "./parse-evaluator";
import { templatePlaceholders } from "./py-format";
import { REQUIRED_PLACEHOLDERS } from "./types";
import { STB_FIXTURES } from "../../../tests/support/fixtures";

const EVALUATORS = path.join(STB_FIXTURES, "evaluators");

describe("loadEvaluatorFolder", () => {
  it("loads ToolEval's default evaluator with its settings, schemas and templates", async () => {
    const evaluator = await loadEvaluatorFolder(path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_default"));
    expect(evaluator).toMatchObject({
      name: "tooleval_gpt-3.5-turbo_default",
      className: "ReinforceToolLearningEvaluator",
      model: "gpt-3.5-turbo-16k",
      maxTokens: 1000,
      temperature: 0.2,
      timeoutSeconds: 10,
      extraParams: {},
      supported: true,
    });
    expect(Object.keys(evaluator.functions)).toEqual([...JUDGE_FUNCTIONS]);
    expect(evaluator.functions.check_answer_status!.parameters.properties.answer_status!.enum).toEqual(["Unsure", "Unsolved", "Solved"]);
    expect(Object.keys(evaluator.templates)).toEqual([...JUDGE_FUNCTIONS]);
    const checkTemplate = evaluator.templates.check_answer_status!;
    expect(checkTemplate.startsWith("\nGiving the query and answer")).toBe(true);
    expect(checkTemplate.endsWith("`check_answer_status`.\n")).toBe(true);
  });

  it("parses the legacy normalized and fn folders but reports them unsupported", async () => {
    const normalized = await loadEvaluatorFolder(path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_normalized"));
    expect(normalized.supported).toBe(false);
    expect(normalized.unsupportedReason).toMatch(/OpenAINormalizedEvaluator.*only ReinforceToolLearningEvaluator/s);
    expect(Object.keys(normalized.templates)).toEqual(["parse_answer_details", "select_best_final_answer", "check_solve_query"]);
    expect(normalized.maxTokens).toBe(100);

    const fn = await loadEvaluatorFolder(path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_fn"));
    expect(fn.supported).toBe(false);
    expect(fn.messages.map(({ role }) => role)).toEqual(["system", "user"]);
    expect(Object.keys(fn.functions)).toEqual(["choose_preference"]);
    expect(fn.extraParams).toEqual({});
  });
});

describe("parseEvaluator", () => {
  const config = (template: string) => ({
    configText: [
      'registered_cls_name: "ReinforceToolLearningEvaluator"',
      'fn_completions: "normalized_openai_completions"',
      "completions_kwargs:",
      "  model: m",
      "  top_p: 0.5",
      "  functions: []",
    ].join("\n"),
    templateText: template,
  });

  it("keeps unknown completion kwargs to forward them and flags missing functions", () => {
    const evaluator = parseEvaluator(config(""));
    expect(evaluator.extraParams).toEqual({ top_p: 0.5 });
    expect(evaluator.supported).toBe(false);
    expect(evaluator.unsupportedReason).toMatch(/no function schema "check_answer_status"/);
  });

  it("rejects an invalid config.yaml clearly", () => {
    expect(() => parseEvaluator({ configText: "completions_kwargs: 3", templateText: "" })).toThrow(/Invalid evaluator config.yaml/);
  });
});

describe("DEFAULT_EVALUATOR", () => {
  it("has the four functions with ToolEval's argument names, enums and placeholders", async () => {
    const toolEval = await loadEvaluatorFolder(path.join(EVALUATORS, "tooleval_gpt-3.5-turbo_default"));
    expect(DEFAULT_EVALUATOR.supported).toBe(true);
    for (const fn of JUDGE_FUNCTIONS) {
      const ours = DEFAULT_EVALUATOR.functions[fn]!.parameters;
      const theirs = toolEval.functions[fn]!.parameters;
      expect(Object.keys(ours.properties)).toEqual(Object.keys(theirs.properties));
      expect(ours.required).toEqual(theirs.required);
      for (const key of Object.keys(theirs.properties)) {
        expect(ours.properties[key]!.type).toBe(theirs.properties[key]!.type);
        expect(ours.properties[key]!.enum).toEqual(theirs.properties[key]!.enum);
      }
      expect(templatePlaceholders(DEFAULT_EVALUATOR.templates[fn]!).sort()).toEqual([...REQUIRED_PLACEHOLDERS[fn]].sort());
      expect(DEFAULT_EVALUATOR.templates[fn]).not.toBe(toolEval.templates[fn]);
    }
  });

  it("has a stable content hash that ignores the name and follows the content", () => {
    const hash = hashEvaluator(DEFAULT_EVALUATOR);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvaluator({ ...DEFAULT_EVALUATOR, name: "renamed" })).toBe(hash);
    expect(hashEvaluator({ ...DEFAULT_EVALUATOR, temperature: 0 })).not.toBe(hash);
  });
});
