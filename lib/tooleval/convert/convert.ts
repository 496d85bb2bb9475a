import { stepsFromChain, stepsFromTree } from "./convert-invalid";
import { type ConversionStep, type FailAt, buildAnswerDetails } from "./convert-steps";
import { stepsFromConversation } from "./convert-valid";
import { failFormat } from "../formats/format-error";
import { type RawAnswer, parseRawAnswer } from "../formats/raw-answer";
import { createRng } from "../random";
import type { ConvertedAnswer } from "../types";

/** ToolEval's converter seeds Python's `random` with 42; we keep the number as the default seed. */
export const DEFAULT_CONVERT_SEED = 42;

export type ConvertOptions = {
  /** The `--method` string, stored in the answer and deciding how invalid answers are read. */
  method: string;
  queryId: string | number;
  /** Seed of the random try (CoT) or branch (DFS) picked for invalid answers. */
  seed?: string | number;
  /** File name for error messages. */
  file?: string;
};

/** ToolEval tests the method string by substring: "CoT"/"cot" before "DFS"/"dfs". */
const invalidPathKind = (method: string): "cot" | "dfs" | undefined => {
  if (method.includes("CoT") || method.includes("cot")) return "cot";
  if (method.includes("DFS") || method.includes("dfs")) return "dfs";

  return undefined;
};

const invalidSteps = ({ raw, method, queryId, seed, fail }: {
  raw: RawAnswer;
  method: string;
  queryId: string;
  seed: string | number;
  fail: FailAt;
}): ConversionStep[] => {
  const kind = invalidPathKind(method);
  const rng = createRng(seed, queryId);
  if (kind === "cot") {
    const tries = raw.trys ?? fail("trys", `method "${method}" reads invalid answers from \`trys\`, which is missing`);
    if (tries.length === 0) fail("trys", "the answer has no try to pick from");
    const index = rng.int(tries.length);

    return stepsFromChain({ chain: tries[index]!.chain, path: `trys[${index}].chain`, fail });
  }
  if (kind === "dfs") {
    const tree = raw.tree ?? fail("tree", `method "${method}" reads invalid answers from \`tree\`, which is missing`);

    return stepsFromTree({ root: tree.tree, path: "tree.tree", rng, fail });
  }

  return fail("", `method "${method}" names neither CoT nor DFS, so its invalid answers cannot be converted`);
};

/**
 * Converts one raw answer into ToolEval's converted format (spec §1.4). Valid answers are read from
 * their last conversation; invalid ones from a random try (CoT) or a random branch of the search
 * tree (DFS), drawn from `createRng(seed, queryId)` so the result does not depend on file order.
 * Throws a `FormatError` naming the file, query and JSON path when the answer cannot be converted.
 */
export const convertRawAnswer = (
  value: unknown,
  { method, queryId, seed = DEFAULT_CONVERT_SEED, file }: ConvertOptions,
): ConvertedAnswer => {
  const id = String(queryId);
  const raw = parseRawAnswer(value, { file, queryId: id });
  const fail: FailAt = (path, message) => failFormat({ file, queryId: id, path, message });
  const generation = raw.answer_generation;
  const steps = generation.valid_data
    ? stepsFromConversation({
        messages: generation.train_messages!.at(-1)!,
        path: `answer_generation.train_messages[${generation.train_messages!.length - 1}]`,
        fail,
      })
    : invalidSteps({ raw, method, queryId: id, seed, fail });
  const { details, totalSteps } = buildAnswerDetails(steps);

  return {
    query: generation.query,
    available_tools: generation.function,
    answer: { method, total_steps: totalSteps, final_answer: generation.final_answer, answer_details: details },
  };
};
