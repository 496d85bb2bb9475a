import { buildJudgeRequest } from "../tooleval/evaluator/build-request";
import type { EvaluatorConfig } from "../tooleval/evaluator/types";
import { isEmptyFinalAnswer } from "../tooleval/protocols/check-solved";
import { processAnswer, processTools } from "../tooleval/protocols/process-answer";
import { pyJsonDumps } from "../tooleval/python";
import { endsWithFinish, renderSteps } from "../tooleval/steps";
import type { ConvertedAnswer, JudgeCall } from "../tooleval/types";
import type { Protocol } from "./schemas";

/**
 * What a run will probably cost, before it starts. The prompts are rendered for real (so their
 * size is exact); what the judge will answer is not known, so the share of first verdicts that are
 * Unsure (asking a second question) and the share of comparisons that need the final question are
 * assumptions, stated with the result. Tokens are characters / 4.
 */
export const ASSUMPTIONS = { unsureShare: 0.2, selectShare: 0.6, completionTokens: 80, charsPerToken: 4 };

export type RunEstimate = {
  items: number;
  calls: { expected: number; max: number };
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  maxCostUsd: number | null;
  assumptions: typeof ASSUMPTIONS;
};

type Acc = { expected: number; max: number; promptChars: number };

const tokens = (evaluator: EvaluatorConfig, call: Pick<JudgeCall, "fn" | "vars">) =>
  buildJudgeRequest({ evaluator, call: { ...call, withReason: true } }).content.length;

/** The check_is_solved cascade on one answer: none, one, or (if Unsure) two calls. */
const statusCalls = (acc: Acc, evaluator: EvaluatorConfig, answer: ConvertedAnswer["answer"], query: string, dumped: unknown) => {
  if (isEmptyFinalAnswer(answer.final_answer)) return;
  const first = tokens(evaluator, { fn: "check_answer_status", vars: { query, answer: answer.final_answer } });
  const second = tokens(evaluator, { fn: "parse_answer_status", vars: { query, answer: pyJsonDumps(dumped) } });
  acc.expected += 1 + ASSUMPTIONS.unsureShare;
  acc.max += 2;
  acc.promptChars += first + ASSUMPTIONS.unsureShare * second;
};

export const estimateRun = ({
  protocol,
  evaluateTimes,
  evaluator,
  answers,
  pairs,
  prices,
}: {
  protocol: Protocol;
  evaluateTimes: number;
  evaluator: EvaluatorConfig;
  answers: ConvertedAnswer[];
  pairs: { reference?: ConvertedAnswer; candidate?: ConvertedAnswer }[];
  prices: { input: number | null; output: number | null };
}): RunEstimate => {
  const acc: Acc = { expected: 0, max: 0, promptChars: 0 };
  if (protocol === "sopr" || protocol === "toolbench") {
    for (const answer of answers) {
      if (!endsWithFinish(renderSteps(answer.answer).finalStep)) continue;
      statusCalls(acc, evaluator, answer.answer, answer.query, answer.answer);
      if (protocol === "toolbench") {
        acc.expected += 0.5;
        acc.max += 1;
        acc.promptChars += 0.5 * tokens(evaluator, { fn: "check_task_solvable", vars: { task: pyJsonDumps({ query: answer.query, available_tools: answer.available_tools }) } });
      }
    }
  }
  if (protocol === "preference") {
    for (const { reference, candidate } of pairs) {
      if (!reference || !candidate) continue;
      const [ref, cand] = [processAnswer(reference.answer), processAnswer(candidate.answer)];
      statusCalls(acc, evaluator, reference.answer, reference.query, ref);
      statusCalls(acc, evaluator, candidate.answer, candidate.query, cand);
      const select = tokens(evaluator, { fn: "select_better_answer", vars: { query: reference.query, answer_0: pyJsonDumps(ref), answer_1: pyJsonDumps(cand) } });
      const task = tokens(evaluator, {
        fn: "check_task_solvable",
        vars: { task: pyJsonDumps({ query: reference.query, available_tools: processTools(structuredClone(reference.available_tools)) }) },
      });
      acc.expected += 2 * ASSUMPTIONS.selectShare;
      acc.max += 2;
      acc.promptChars += ASSUMPTIONS.selectShare * (select + task);
    }
  }
  const rounds = protocol === "rules" ? 0 : evaluateTimes;
  const calls = { expected: Math.round(acc.expected * rounds), max: acc.max * rounds };
  const promptTokens = Math.round((acc.promptChars * rounds) / ASSUMPTIONS.charsPerToken);
  const completionTokens = calls.expected * ASSUMPTIONS.completionTokens;
  const priced = prices.input !== null || prices.output !== null;
  const cost = (prompt: number, completion: number) => ((prices.input ?? 0) * prompt + (prices.output ?? 0) * completion) / 1_000_000;
  const maxPrompt = acc.expected === 0 ? 0 : (promptTokens * calls.max) / Math.max(1, calls.expected);

  return {
    items: (protocol === "preference" ? pairs.length : answers.length) * (protocol === "rules" ? 1 : evaluateTimes),
    calls,
    promptTokens,
    completionTokens,
    costUsd: priced ? cost(promptTokens, completionTokens) : null,
    maxCostUsd: priced ? cost(maxPrompt, calls.max * ASSUMPTIONS.completionTokens) : null,
    assumptions: ASSUMPTIONS,
  };
};
