import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATOR } from "../evaluator/default-evaluator";
import { functionSchemaFor } from "../evaluator/build-request";
import { replySchemaFor, pyInt } from "./reply-schema";
import { classifyError, parseRetryAfter, retryDelay } from "./retry";

const apiError = (status: number, headers: Record<string, string> = {}) => APIError.generate(status, { message: `status ${status}` }, undefined, new Headers(headers));

describe("classifyError", () => {
  it.each([
    [429, "rate_limited", true],
    [408, "timeout", true],
    [409, "client_error", true],
    [500, "server_error", true],
    [503, "server_error", true],
    [400, "client_error", false],
    [401, "client_error", false],
    [404, "client_error", false],
  ] as const)("HTTP %i → %s (retry: %s)", (status, kind, retryable) => {
    expect(classifyError(apiError(status), 0)).toMatchObject({ kind, retryable, status });
  });

  it("classifies timeouts and connection failures", () => {
    expect(classifyError(new APIConnectionTimeoutError(), 0)).toMatchObject({ kind: "timeout", retryable: true });
    expect(classifyError(new APIConnectionError({ message: "reset" }), 0)).toMatchObject({ kind: "connection", retryable: true });
  });

  it("reads the server's requested wait", () => {
    expect(classifyError(apiError(429, { "retry-after-ms": "250" }), 0).retryAfterMs).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }), 0)).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(parseRetryAfter(new Headers({ "retry-after": "9999" }), 0)).toBe(300_000);
    expect(parseRetryAfter(new Headers({}), 0)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("uses full jitter under an exponential cap, or the server's wait", () => {
    expect(retryDelay({ attempt: 1, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 })).toBe(99);
    expect(retryDelay({ attempt: 4, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 })).toBe(400);
    expect(retryDelay({ attempt: 9, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 })).toBe(500);
    expect(retryDelay({ attempt: 1, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0, retryAfterMs: 750 })).toBe(750);
  });
});

describe("replySchemaFor", () => {
  const schema = (fn: "check_answer_status" | "select_better_answer") => replySchemaFor(functionSchemaFor({ evaluator: DEFAULT_EVALUATOR, fn, withReason: true }));

  it("requires the verdict and reason and checks enums", () => {
    expect(schema("check_answer_status").safeParse({ answer_status: "Solved", reason: "r" }).success).toBe(true);
    expect(schema("check_answer_status").safeParse({ answer_status: "solved", reason: "r" }).success).toBe(false);
    expect(schema("check_answer_status").safeParse({ answer_status: "Solved" }).success).toBe(false);
  });

  it("turns the index into 0 or 1 as Python's int() would", () => {
    expect(schema("select_better_answer").parse({ index: 1.0, reason: "r" })).toEqual({ index: 1, reason: "r" });
    expect(schema("select_better_answer").parse({ index: "0", reason: "r" })).toMatchObject({ index: 0 });
    expect(schema("select_better_answer").safeParse({ index: 2, reason: "r" }).success).toBe(false);
    expect(pyInt(true)).toBe(1);
    expect(pyInt("x")).toBeUndefined();
  });
});
