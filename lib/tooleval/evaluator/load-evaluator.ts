import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseEvaluator, parseEvaluatorConfigYaml } from "./parse-evaluator";
import type { EvaluatorConfig } from "./types";

/**
 * Loads a ToolEval evaluator folder (`config.yaml` and the template file it names, spec §4.1) as
 * data. The folder name becomes the evaluator name, as in ToolEval's `--evaluator` argument.
 */
export const loadEvaluatorFolder = async (dir: string): Promise<EvaluatorConfig> => {
  const configText = await readFile(path.join(dir, "config.yaml"), "utf8");
  const { prompt_template } = parseEvaluatorConfigYaml(configText);
  const templateText = await readFile(path.join(dir, prompt_template), "utf8");

  return parseEvaluator({ configText, templateText, name: path.basename(path.resolve(dir)) });
};
