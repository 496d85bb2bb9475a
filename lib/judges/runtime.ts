import { db } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { decryptSecret } from "../secrets";
import { hashCanonical } from "../tooleval/canonical-json";
import type { ApiStyle } from "../tooleval/evaluator/build-request";
import { createJudgeClient, type JudgeClientOptions } from "../tooleval/judge/client";
import { loadEvaluator } from "./evaluators";

export type JudgeRuntime = {
  id: string;
  name: string;
  maxInFlight: number;
  maxTokens: number;
  prices: { input: number | null; output: number | null };
  /** Identifies everything that shapes a request besides the prompt (for cache keys and grouping). */
  fingerprint: string;
  createClient: (hooks?: Pick<JudgeClientOptions, "onRateLimit" | "onAttemptError" | "maxAttempts" | "baseDelayMs">) => ReturnType<typeof createJudgeClient>;
};

/**
 * Everything a worker needs to call a configured judge. The key is read here, on the server that
 * makes the calls (decrypted, or from the named environment variable), and goes nowhere else.
 */
export const loadJudgeRuntime = async (judgeConfigId: string): Promise<JudgeRuntime> => {
  const config = await db().judgeConfig.findUnique({ where: { id: judgeConfigId }, omit: { apiKeyEnc: false } });
  if (!config) throw new AppError("NOT_FOUND", "The run's judge configuration no longer exists.");
  const env = getEnv();
  const evaluator = { ...(await loadEvaluator(config.evaluatorId)) };
  evaluator.temperature = config.temperature;
  evaluator.maxTokens = config.maxTokens;
  const apiKey = config.apiKeyEnc ? decryptSecret(config.apiKeyEnc) : config.apiKeyEnv ? process.env[config.apiKeyEnv] : env.OPENAI_API_KEY;
  const baseURL = config.baseUrl ?? env.OPENAI_BASE_URL;
  const apiStyle = config.apiStyle as ApiStyle;
  const fingerprint = hashCanonical({ baseURL: baseURL ?? "default", model: config.model, temperature: config.temperature, maxTokens: config.maxTokens, apiStyle, evaluator: config.evaluatorId });

  return {
    id: config.id,
    name: config.name,
    maxInFlight: config.maxInFlight,
    maxTokens: config.maxTokens,
    prices: { input: config.inputPricePerMTok, output: config.outputPricePerMTok },
    fingerprint,
    createClient: (hooks = {}) =>
      createJudgeClient({ evaluator, baseURL, apiKey, model: config.model, apiStyle, timeoutMs: config.timeoutMs, ...hooks }),
  };
};

/** Cost in USD of a call's tokens at the judge's prices (0 when no price is set). */
export const costOf = (prices: JudgeRuntime["prices"], usage: { promptTokens: number; completionTokens: number } | undefined) =>
  usage ? ((prices.input ?? 0) * usage.promptTokens + (prices.output ?? 0) * usage.completionTokens) / 1_000_000 : 0;
