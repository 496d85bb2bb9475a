import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeJudge, type FakeJudge } from "../../../tests/support/fake-judge-server";
import { DEFAULT_EVALUATOR } from "../evaluator/default-evaluator";
import { createJudgeClient, type JudgeClientOptions } from "./client";
import { JudgeError } from "./error";
import type { JudgeCall } from "../types";

const API_KEY = "sk-test-secret-123";
const checkCall: JudgeCall = { fn: "check_answer_status", vars: { query: "q", answer: "a" }, withReason: true, stage: "check_answer_status" };
const selectCall: JudgeCall = { fn: "select_better_answer", vars: { query: "q", answer_0: "x", answer_1: "y" }, withReason: true, stage: "select_better_answer" };

let server: FakeJudge;
const sleeps: number[] = [];
const client = (options: Partial<JudgeClientOptions> = {}) =>
  createJudgeClient({
    evaluator: DEFAULT_EVALUATOR,
    baseURL: server.url,
    apiKey: API_KEY,
    baseDelayMs: 10,
    timeoutMs: 2000,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });

beforeAll(async () => {
  server = await startFakeJudge({ apiKey: API_KEY, recordRequests: true });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setConfig({ faultRate: 0, rules: [], faultKinds: ["rate_limit", "server_error", "hang", "reset", "malformed"], maxFaultsPerRequest: Number.POSITIVE_INFINITY, hangMs: 30_000 });
  sleeps.length = 0;
});

describe("createJudgeClient", () => {
  it("returns validated args, reason, raw message, usage, attempts and the request hash", async () => {
    server.setConfig({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved" } }] });
    const judge = client({ model: "judge-model" });
    const result = await judge.call(checkCall);
    expect(result.args).toEqual({ answer_status: "Solved" });
    expect(result.reason).toMatch(/fake verdict/);
    expect(result.attempts).toBe(1);
    expect(result.model).toBe("judge-model");
    expect(result.requestHash).toBe(judge.requestFor(checkCall).hash);
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
    expect(result.raw).toMatchObject({ role: "assistant", tool_calls: [{ function: { name: "check_answer_status" } }] });
    expect(server.requests()[0]).toEqual(judge.requestFor(checkCall).body);
  });

  it("speaks the legacy functions API", async () => {
    const result = await client({ apiStyle: "functions" }).call(selectCall);
    expect([0, 1]).toContain(result.args.index);
    expect(server.requests()[0]).toHaveProperty("function_call", { name: "select_better_answer" });
  });

  it.each([["rate_limit"], ["server_error"], ["reset"], ["malformed"]] as const)("retries a %s fault and succeeds", async (kind) => {
    server.setConfig({ faultRate: 1, faultKinds: [kind], maxFaultsPerRequest: 2 });
    const rateLimits: (number | undefined)[] = [];
    const errors: string[] = [];
    const result = await client({ onRateLimit: (ms) => rateLimits.push(ms), onAttemptError: ({ kind: k }) => errors.push(k) }).call(checkCall);
    expect(result.attempts).toBe(3);
    expect(errors).toHaveLength(2);
    expect(server.stats().faultsInjected[kind]).toBe(2);
    if (kind === "rate_limit") {
      expect(rateLimits).toEqual([20, 20]);
      expect(sleeps).toEqual([20, 20]);
    } else {
      expect(sleeps[0]).toBeLessThan(10);
      expect(sleeps[1]).toBeLessThan(20);
    }
  });

  it("retries a hang as a timeout", async () => {
    server.setConfig({ faultRate: 1, faultKinds: ["hang"], maxFaultsPerRequest: 1 });
    const kinds: string[] = [];
    const result = await client({ timeoutMs: 200, onAttemptError: ({ kind }) => kinds.push(kind) }).call(checkCall);
    expect(kinds).toEqual(["timeout"]);
    expect(result.attempts).toBe(2);
  });

  it("throws a JudgeError with the kind after the last attempt", async () => {
    server.setConfig({ faultRate: 1, faultKinds: ["server_error"] });
    const error = await client({ maxAttempts: 3 }).call(checkCall).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    expect(error).toMatchObject({ kind: "server_error", attempts: 3, status: 500 });
    expect(server.stats().totalRequests).toBe(3);
  });

  it("reports unusable arguments as bad_output", async () => {
    server.setConfig({ rules: [{ fn: "select_better_answer", contains: "", args: { index: 5 } }] });
    const error = await client({ maxAttempts: 2 }).call(selectCall).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "bad_output", attempts: 2 });
    expect((error as Error).message).toMatch(/index must be 0 or 1/);
  });

  it("accepts an index Python's int() accepts", async () => {
    server.setConfig({ rules: [{ fn: "select_better_answer", contains: "", args: { index: "1" } }] });
    expect((await client().call(selectCall)).args.index).toBe(1);
  });

  it("does not retry a 401 and never leaks the API key", async () => {
    const error = await client({ apiKey: "sk-wrong-key-456" }).call(checkCall).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "client_error", attempts: 1, status: 401 });
    expect(String((error as Error).message)).not.toContain("sk-wrong-key-456");
    expect(JSON.stringify(error)).not.toContain("sk-wrong-key-456");
  });

  it("reports a refused connection as a connection error", async () => {
    const error = await client({ baseURL: "http://127.0.0.1:1/v1", maxAttempts: 2 }).call(checkCall).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "connection", attempts: 2 });
  });

  it("refuses an evaluator the protocols cannot drive", () => {
    expect(() => createJudgeClient({ evaluator: { ...DEFAULT_EVALUATOR, supported: false, unsupportedReason: "legacy" } })).toThrow(/legacy/);
  });
});

describe("fake judge server", () => {
  it("serves 300 concurrent calls and counts the peak in flight", async () => {
    server.setConfig({ latencyMs: 500 });
    const judge = client();
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => judge.call({ ...checkCall, vars: { query: `q${i}`, answer: "a" } })));
    server.setConfig({ latencyMs: 0 });
    expect(results).toHaveLength(300);
    const stats = server.stats();
    expect(stats.maxInFlight).toBeGreaterThanOrEqual(256);
    expect(stats.inFlight).toBe(0);
    expect(stats.verdictsByFunction.check_answer_status).toBe(300);
  });

  it("answers deterministically from the prompt and is controllable over HTTP", async () => {
    const base = server.url.replace(/\/v1$/, "");
    const first = await client().call(checkCall);
    const second = await client().call(checkCall);
    expect(second.args).toEqual(first.args);
    expect(await (await fetch(`${base}/__stats`)).json()).toMatchObject({ totalRequests: 2, callsByFunction: { check_answer_status: 2 } });
    const config = await (await fetch(`${base}/__config`, { method: "POST", body: JSON.stringify({ rules: [{ contains: "q", args: { answer_status: "Unsure" } }] }) })).json();
    expect(config.rules).toHaveLength(1);
    expect((await client().call(checkCall)).args).toEqual({ answer_status: "Unsure" });
    await fetch(`${base}/__reset`, { method: "POST" });
    expect(server.stats().totalRequests).toBe(0);
  });
});

