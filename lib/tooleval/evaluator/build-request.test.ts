import { describe, expect, it } from "vitest";
import { buildJudgeRequest, functionSchemaFor } from "./build-request";
import { DEFAULT_EVALUATOR } from "./default-evaluator";

const call = { fn: "check_answer_status" as const, vars: { query: "Q", answer: "A" }, withReason: true };

describe("functionSchemaFor", () => {
  it("appends a required reason string without touching the evaluator", () => {
    const schema = functionSchemaFor({ evaluator: DEFAULT_EVALUATOR, fn: "check_answer_status", withReason: true });
    expect(schema.parameters.required).toEqual(["answer_status", "reason"]);
    expect(Object.keys(schema.parameters.properties)).toEqual(["answer_status", "reason"]);
    expect(schema.parameters.properties.reason).toEqual({ type: "string", description: "explain your answer." });
    expect(DEFAULT_EVALUATOR.functions.check_answer_status!.parameters.required).toEqual(["answer_status"]);
    expect(functionSchemaFor({ evaluator: DEFAULT_EVALUATOR, fn: "check_answer_status", withReason: false }).parameters.required).toEqual(["answer_status"]);
  });
});

describe("buildJudgeRequest", () => {
  it("sends one user message and forces the function with tools + tool_choice", () => {
    const request = buildJudgeRequest({ evaluator: DEFAULT_EVALUATOR, call });
    expect(Object.keys(request.body)).toEqual(["model", "max_tokens", "temperature", "tools", "tool_choice", "messages"]);
    expect(request.body.messages).toEqual([{ role: "user", content: request.content }]);
    expect(request.content).toContain("Request:\nQ\nReply:\nA\n");
    expect(request.body.tool_choice).toEqual({ type: "function", function: { name: "check_answer_status" } });
    expect(request.body.tools).toEqual([{ type: "function", function: request.schema }]);
    expect(request.timeoutMs).toBe(60_000);
  });

  it("uses the legacy functions + function_call style on request", () => {
    const request = buildJudgeRequest({ evaluator: DEFAULT_EVALUATOR, call, apiStyle: "functions" });
    expect(request.body.functions).toEqual([request.schema]);
    expect(request.body.function_call).toEqual({ name: "check_answer_status" });
    expect(request.body.tools).toBeUndefined();
  });

  it("overrides the model and hashes the body canonically", () => {
    const a = buildJudgeRequest({ evaluator: DEFAULT_EVALUATOR, call, model: "judge-x" });
    const b = buildJudgeRequest({ evaluator: DEFAULT_EVALUATOR, call: { ...call, vars: { answer: "A", query: "Q" } }, model: "judge-x" });
    expect(a.body.model).toBe("judge-x");
    expect(a.hash).toBe(b.hash);
    expect(buildJudgeRequest({ evaluator: DEFAULT_EVALUATOR, call }).hash).not.toBe(a.hash);
  });
});
