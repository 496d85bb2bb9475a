import { UsageError } from "../args";
import { DEFAULT_EVALUATOR } from "../../lib/tooleval/evaluator/default-evaluator";
import { loadEvaluatorFolder } from "../../lib/tooleval/evaluator/load-evaluator";
import type { EvaluatorConfig } from "../../lib/tooleval/evaluator/types";
import { createJudgeClient } from "../../lib/tooleval/judge/client";
import type { JudgeErrorKind } from "../../lib/tooleval/judge/error";
import type { Judge } from "../../lib/tooleval/types";
import { getEnv } from "../../lib/env";

/** The judge flags shared by `pass-rate` and `preference`. */
export const JUDGE_FLAGS = {
  evaluator: { type: "string" },
  "judge-model": { type: "string" },
  "legacy-functions": { type: "boolean", default: false },
  "max-attempts": { type: "string" },
  "judge-timeout": { type: "string" },
} as const;

export const JUDGE_USAGE = [
  "Judge: OPENAI_BASE_URL / OPENAI_API_KEY select the OpenAI-compatible endpoint; EVAL_MODEL or --judge-model the model.",
  "  --evaluator DIR        a ToolEval evaluator folder (config.yaml + template.txt); default: the project's own prompts",
  "  --judge-model NAME     overrides EVAL_MODEL and the evaluator's model",
  "  --legacy-functions     send functions/function_call (ToolBench) instead of tools/tool_choice (StableToolBench)",
  "  --max-attempts N       attempts per judge call (default 5)   --judge-timeout SECONDS  per request",
].join("\n");

type JudgeFlagValues = { evaluator?: string; "judge-model"?: string; "legacy-functions"?: boolean; "max-attempts"?: string; "judge-timeout"?: string };

/** The judge endpoint from the environment; "configured" when a key or a base URL is set. */
export const judgeEndpoint = () => {
  const { OPENAI_BASE_URL, OPENAI_API_KEY, EVAL_MODEL } = getEnv();

  return { baseURL: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, evalModel: EVAL_MODEL, configured: Boolean(OPENAI_BASE_URL || OPENAI_API_KEY) };
};

const loadEvaluator = async (dir: string | undefined): Promise<EvaluatorConfig> => {
  if (!dir) return DEFAULT_EVALUATOR;
  const evaluator = await loadEvaluatorFolder(dir).catch((error: Error) => {
    throw new UsageError(`--evaluator ${dir}: ${error.message}`);
  });
  if (!evaluator.supported) throw new UsageError(`--evaluator ${dir} cannot judge: ${evaluator.unsupportedReason}`);

  return evaluator;
};

const positiveNumber = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new UsageError(`--${flag} must be a positive number, got "${value}"`);

  return parsed;
};

/**
 * Builds the judge for a file-mode command and counts what it did, for the stderr report. Retries are
 * reported as they happen; the API key is never printed.
 */
export const createCliJudge = async (flags: JudgeFlagValues, log: (line: string) => void) => {
  const endpoint = judgeEndpoint();
  const evaluator = await loadEvaluator(flags.evaluator);
  const model = flags["judge-model"] ?? endpoint.evalModel ?? evaluator.model;
  const retries: Partial<Record<JudgeErrorKind, number>> = {};
  const usage = { calls: 0, tokens: 0 };
  const timeout = positiveNumber(flags["judge-timeout"], "judge-timeout");
  const client = createJudgeClient({
    evaluator,
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey,
    model,
    apiStyle: flags["legacy-functions"] ? "functions" : "tools",
    maxAttempts: positiveNumber(flags["max-attempts"], "max-attempts"),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    onAttemptError: ({ kind, willRetry }) => {
      if (willRetry) retries[kind] = (retries[kind] ?? 0) + 1;
    },
  });
  const judge: Judge = async (call) => {
    const result = await client.call(call);
    usage.calls += 1;
    usage.tokens += result.usage?.totalTokens ?? 0;

    return result;
  };
  log(`judge: ${evaluator.name} (${flags["legacy-functions"] ? "functions" : "tools"} API), model ${model}, endpoint ${endpoint.baseURL ?? "https://api.openai.com/v1"}`);

  return {
    judge,
    report: () => {
      const retried = Object.entries(retries).map(([kind, count]) => `${kind} ${count}`).join(", ");
      log(`judge: ${usage.calls} calls, ${usage.tokens} tokens${retried ? `, retried: ${retried}` : ""}`);
    },
  };
};

/** Throttled progress lines on stderr: one per set every few seconds and one when the set is done. */
export const progressLogger = (log: (line: string) => void, intervalMs = 2000) => {
  let last = 0;

  return ({ set, done, total, errors }: { set: string; done: number; total: number; errors: number }) => {
    const now = Date.now();
    if (done < total && now - last < intervalMs) return;
    last = now;
    log(`${set}: ${done}/${total} rounds${errors ? `, ${errors} errors` : ""}`);
  };
};

/** `--test_set A B` (ToolEval's nargs) and `--test_set A --test_set B,C` all give [A, B, C]. */
export const testSetsFrom = (values: string[] | undefined, positionals: string[]) =>
  [...(values ?? []), ...positionals].flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
