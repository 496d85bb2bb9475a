import { db } from "../db/client";
import { AppError } from "../errors";
import { DEFAULT_EVALUATOR } from "../tooleval/evaluator/default-evaluator";
import { DEFAULT_TEMPLATE } from "../tooleval/evaluator/default-template";
import { hashEvaluator } from "../tooleval/evaluator/hash-evaluator";
import { parseEvaluator } from "../tooleval/evaluator/parse-evaluator";
import type { EvaluatorConfig } from "../tooleval/evaluator/types";

export const DEFAULT_EVALUATOR_NAME = "ToolEval default protocol, project prompts";

const upsertEvaluator = async ({ config, template, name, source }: { config: EvaluatorConfig; template: string; name: string; source: string }) => {
  const contentHash = hashEvaluator(config);
  const existing = await db().evaluator.findUnique({ where: { contentHash }, select: { id: true, name: true } });
  if (existing) return existing;

  return db().evaluator.create({
    data: { name, source, config: structuredClone(config) as object, template, contentHash },
    select: { id: true, name: true },
  });
};

/** The project's own evaluator, stored once (its content hash identifies it). */
export const ensureDefaultEvaluator = () =>
  upsertEvaluator({ config: DEFAULT_EVALUATOR, template: DEFAULT_TEMPLATE, name: DEFAULT_EVALUATOR_NAME, source: "builtin" });

/**
 * Stores a ToolEval evaluator folder (config.yaml + template.txt) given as text, for exact ToolEval
 * prompts. Only the default protocol class can judge (spec §3.6); other folders are refused with why.
 */
export const importEvaluator = async ({ name, configText, templateText }: { name: string; configText: string; templateText: string }) => {
  let config: EvaluatorConfig;
  try {
    config = parseEvaluator({ configText, templateText, name });
  } catch (error) {
    throw new AppError("INVALID_INPUT", `config.yaml / template.txt: ${(error as Error).message}`);
  }
  if (!config.supported) throw new AppError("INVALID_INPUT", `${name}: ${config.unsupportedReason}`);

  return upsertEvaluator({ config, template: templateText, name, source: "tooleval-folder" });
};

export const listEvaluators = () =>
  db().evaluator.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, source: true, contentHash: true } });

/** The parsed configuration of a stored evaluator. */
export const loadEvaluator = async (id: string): Promise<EvaluatorConfig> => {
  const row = await db().evaluator.findUnique({ where: { id }, select: { config: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such evaluator.");

  return row.config as unknown as EvaluatorConfig;
};
