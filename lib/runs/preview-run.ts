import { db } from "../db/client";
import { loadEvaluator } from "../judges/evaluators";
import type { ConvertedAnswer } from "../tooleval/types";
import { planRun } from "./create-run";
import { estimateRun } from "./estimate";
import type { CreateRunInput } from "./schemas";

const loadAnswers = async (ids: string[]) => {
  const rows = await db().solutionPath.findMany({
    where: { id: { in: ids } },
    select: { id: true, queryText: true, method: true, totalSteps: true, finalAnswer: true, answerDetails: true, availableTools: true },
  });

  return new Map<string, ConvertedAnswer>(
    rows.map((row) => [
      row.id,
      {
        query: row.queryText,
        available_tools: row.availableTools as unknown[],
        answer: { method: row.method, total_steps: row.totalSteps, final_answer: row.finalAnswer, answer_details: row.answerDetails as ConvertedAnswer["answer"]["answer_details"] },
      },
    ]),
  );
};

/** The estimate shown before a run starts: items, judge calls, tokens and cost at the judge's prices. */
export const previewRun = async (input: CreateRunInput) => {
  const sets = await planRun(input);
  const items = sets.flatMap((set) => set.items);
  const answers = await loadAnswers(items.flatMap((item) => [item.candidateId, item.referenceId]).filter((id): id is string => id !== null));
  const judge = input.judgeConfigId
    ? await db().judgeConfig.findUnique({ where: { id: input.judgeConfigId }, select: { evaluatorId: true, inputPricePerMTok: true, outputPricePerMTok: true, name: true } })
    : null;
  const evaluator = judge ? await loadEvaluator(judge.evaluatorId) : (await import("../tooleval/evaluator/default-evaluator")).DEFAULT_EVALUATOR;
  const estimate = estimateRun({
    protocol: input.protocol,
    evaluateTimes: input.evaluateTimes,
    evaluator,
    answers: items.map((item) => (item.candidateId ? answers.get(item.candidateId) : undefined)).filter((answer): answer is ConvertedAnswer => answer !== undefined),
    pairs: items.map((item) => ({
      candidate: item.candidateId ? answers.get(item.candidateId) : undefined,
      reference: item.referenceId ? answers.get(item.referenceId) : undefined,
    })),
    prices: { input: judge?.inputPricePerMTok ?? null, output: judge?.outputPricePerMTok ?? null },
  });

  return { ...estimate, judge: judge?.name ?? null, sets: sets.map((set) => ({ testSetId: set.testSetId, queries: set.items.length })) };
};
