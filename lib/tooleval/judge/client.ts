import OpenAI from "openai";
import { buildJudgeRequest, type ApiStyle, type JudgeRequest } from "../evaluator/build-request";
import type { EvaluatorConfig } from "../evaluator/types";
import { JudgeError, type AttemptFailure, type JudgeErrorKind } from "./error";
import { parseToolCall, type JudgeUsage } from "./parse-reply";
import { classifyError, retryDelay } from "./retry";
import type { Judge, JudgeCall, JudgeReply } from "../types";

export type { JudgeUsage };

/** Everything one judge call produced, for storage, caching and cost accounting. */
export type JudgeCallResult = JudgeReply & {
  fn: JudgeCall["fn"];
  stage: string;
  model: string;
  /** The assistant message returned (with its tool call / function call), as JSON. */
  raw: unknown;
  usage?: JudgeUsage;
  /** Duration of the successful attempt. */
  latencyMs: number;
  /** Duration of all attempts including backoff waits. */
  elapsedMs: number;
  attempts: number;
  /** sha256 of the canonical request JSON; equal requests (same model, prompt, schema) share it. */
  requestHash: string;
};

export type AttemptErrorInfo = { fn: string; stage: string; attempt: number; kind: JudgeErrorKind; message: string; willRetry: boolean; delayMs: number };

export type JudgeClientOptions = {
  evaluator: EvaluatorConfig;
  /** OpenAI-compatible endpoint, e.g. `http://localhost:4010/v1`; the CLI passes `OPENAI_BASE_URL`. */
  baseURL?: string;
  /** The CLI passes `OPENAI_API_KEY`. Never logged or included in errors. */
  apiKey?: string;
  /** Overrides the evaluator's model (`--judge-model` / `EVAL_MODEL`). */
  model?: string;
  apiStyle?: ApiStyle;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Overrides the evaluator's timeout (ToolEval's 10 s is short for long prompts). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Called on every 429, so a scheduler can lower its concurrency. */
  onRateLimit?: (retryAfterMs: number | undefined) => void;
  onAttemptError?: (info: AttemptErrorInfo) => void;
  /** A custom fetch for the SDK (tests, proxies). */
  fetch?: typeof fetch;
};

export type JudgeClient = {
  evaluator: EvaluatorConfig;
  model: string;
  /** The request a call would send, without sending it (for cache lookups and inspection). */
  requestFor: (call: JudgeCall) => JudgeRequest;
  call: (call: JudgeCall) => Promise<JudgeCallResult>;
  /** The same call narrowed to the `Judge` contract the protocols take. */
  judge: Judge;
};

const DEFAULT_TIMEOUT_MS = 60_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A judge on the OpenAI SDK with its own retry loop (the SDK's is disabled): 429 (honouring
 * `retry-after-ms` / `retry-after`), 408, 409, 5xx, timeouts, connection errors and unusable arguments
 * are retried with full-jitter backoff up to `maxAttempts`; other 4xx fail at once. Failure is always a
 * `JudgeError`, never a default verdict.
 */
export const createJudgeClient = (options: JudgeClientOptions): JudgeClient => {
  const { evaluator, apiStyle = "tools", maxAttempts = 5, baseDelayMs = 1000, maxDelayMs = 30_000 } = options;
  const { sleep = realSleep, now = Date.now, random = Math.random } = options;
  if (!evaluator.supported) throw new Error(`Evaluator "${evaluator.name}" cannot judge: ${evaluator.unsupportedReason}`);
  const model = options.model ?? evaluator.model;
  const timeoutMs = options.timeoutMs ?? (evaluator.timeoutSeconds ?? DEFAULT_TIMEOUT_MS / 1000) * 1000;
  const client = new OpenAI({
    baseURL: options.baseURL ?? "https://api.openai.com/v1",
    apiKey: options.apiKey || "no-key",
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: options.fetch,
  });
  const scrub = (text: string) => (options.apiKey ? text.split(options.apiKey).join("***") : text);
  const requestFor = (call: JudgeCall) => buildJudgeRequest({ evaluator, call, apiStyle, model });

  const attemptOnce = async (request: JudgeRequest) => {
    const started = now();
    try {
      const response = await client.chat.completions.create(request.body as never, { timeout: timeoutMs });
      const parsed = parseToolCall({ response, apiStyle, schema: request.schema });

      return parsed.ok ? { ...parsed, latencyMs: now() - started } : parsed;
    } catch (error) {
      return { ok: false as const, failure: classifyError(error, now()) };
    }
  };

  const call = async (judgeCall: JudgeCall): Promise<JudgeCallResult> => {
    const request = requestFor(judgeCall);
    const started = now();
    let last: AttemptFailure | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const outcome = await attemptOnce(request);
      if (outcome.ok) {
        const { args, reason, raw, usage, latencyMs } = outcome;

        return { args, reason, fn: judgeCall.fn, stage: judgeCall.stage, model, raw, usage, latencyMs, elapsedMs: now() - started, attempts: attempt, requestHash: request.hash };
      }
      last = { ...outcome.failure, message: scrub(outcome.failure.message) };
      if (last.kind === "rate_limited") options.onRateLimit?.(last.retryAfterMs);
      const willRetry = last.retryable && attempt < maxAttempts;
      const delayMs = willRetry ? retryDelay({ attempt, baseDelayMs, maxDelayMs, retryAfterMs: last.retryAfterMs, random }) : 0;
      options.onAttemptError?.({ fn: judgeCall.fn, stage: judgeCall.stage, attempt, kind: last.kind, message: last.message, willRetry, delayMs });
      if (!willRetry) throw new JudgeError({ kind: last.kind, message: last.message, attempts: attempt, status: last.status });
      await sleep(delayMs);
    }
    throw new JudgeError({ kind: last?.kind ?? "connection", message: last?.message ?? "no attempt made", attempts: maxAttempts });
  };

  return { evaluator, model, requestFor, call, judge: call };
};
