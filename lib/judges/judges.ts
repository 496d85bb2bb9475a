import { db } from "../db/client";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { encryptSecret } from "../secrets";
import { ensureDefaultEvaluator } from "./evaluators";
import type { JudgeConfigInput } from "./schemas";

/** What the pages may show of a judge: never the key itself, only where it comes from. */
export const JUDGE_PUBLIC_SELECT = {
  id: true,
  name: true,
  baseUrl: true,
  model: true,
  temperature: true,
  maxTokens: true,
  timeoutMs: true,
  maxInFlight: true,
  apiStyle: true,
  apiKeyEnv: true,
  inputPricePerMTok: true,
  outputPricePerMTok: true,
  isDemo: true,
  createdAt: true,
  evaluator: { select: { id: true, name: true, source: true } },
} as const;

export const listJudgeConfigs = async () => {
  const rows = await db().judgeConfig.findMany({
    where: { archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { ...JUDGE_PUBLIC_SELECT, apiKeyEnc: true },
  });

  return rows.map(({ apiKeyEnc, ...row }) => ({ ...row, hasStoredKey: apiKeyEnc !== null }));
};

export const createJudgeConfig = async ({ apiKey, ...input }: JudgeConfigInput) => {
  if (await db().judgeConfig.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A judge named "${input.name}" exists already.`, { name: ["Already in use"] });
  }

  return db().judgeConfig.create({
    data: { ...input, apiKeyEnc: apiKey ? encryptSecret(apiKey) : null },
    select: { id: true, name: true },
  });
};

export const archiveJudgeConfig = async (id: string) => {
  const updated = await db().judgeConfig.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "No such judge.");
};

/**
 * The judge used when a run names none (the CLI without --judge): the endpoint, key and model of
 * the server environment (OPENAI_BASE_URL, OPENAI_API_KEY, EVAL_MODEL) with the project's default
 * prompts. Stored as a configuration so runs record its parameters; its key stays in the environment.
 */
export const ensureEnvironmentJudge = async ({ maxInFlight }: { maxInFlight?: number } = {}) => {
  const env = getEnv();
  const evaluator = await ensureDefaultEvaluator();
  const model = env.EVAL_MODEL ?? "gpt-4o-mini";
  const host = env.OPENAI_BASE_URL ? new URL(env.OPENAI_BASE_URL).host : "api.openai.com";
  const name = `env: ${model} @ ${host}`;
  const existing = await db().judgeConfig.findUnique({ where: { name }, select: { id: true, name: true, maxInFlight: true } });
  if (existing) {
    if (maxInFlight && existing.maxInFlight !== maxInFlight) await db().judgeConfig.update({ where: { id: existing.id }, data: { maxInFlight } });

    return existing;
  }

  return db().judgeConfig.create({
    data: { name, baseUrl: null, model, temperature: 0.2, maxTokens: 1000, timeoutMs: 60_000, maxInFlight: maxInFlight ?? 16, apiKeyEnv: "OPENAI_API_KEY", evaluatorId: evaluator.id },
    select: { id: true, name: true, maxInFlight: true },
  });
};
