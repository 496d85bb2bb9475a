import { judgePreferenceRound } from "../../tooleval/protocols/preference";
import { judgeByRules } from "../../tooleval/protocols/rules";
import { judgeSoprRound } from "../../tooleval/protocols/sopr";
import { judgeToolbenchRound } from "../../tooleval/protocols/toolbench";
import type { TraceStep } from "../../tooleval/protocols/trace";
import { createRng } from "../../tooleval/random";
import type { ConvertedAnswer, Judge } from "../../tooleval/types";
import type { Protocol, RunOptions } from "../schemas";

export type ItemToJudge = {
  queryId: string;
  round: number;
  testSet: string;
  candidate?: ConvertedAnswer;
  reference?: ConvertedAnswer;
};

export type ItemVerdict = { outcome: string; detail: Record<string, unknown>; trace: TraceStep[] };

/**
 * One item (query × round) under a run's protocol, with the engine's round functions. Random
 * choices (answer order, coin flips, identical answers) use a stream derived from the run's seed,
 * the test set, the query and the round, so a retried item decides exactly as the first attempt.
 */
export const judgeItem = async ({
  protocol,
  options,
  seed,
  item,
  judge,
}: {
  protocol: Protocol;
  options: RunOptions;
  seed: number;
  item: ItemToJudge;
  judge: Judge;
}): Promise<ItemVerdict> => {
  const rng = createRng(seed, item.testSet, item.queryId, item.round);
  if (protocol === "preference") {
    const round = await judgePreferenceRound({
      reference: item.reference,
      candidate: item.candidate,
      judge,
      rng,
      options: { skipTaskSolvable: options.skipTaskSolvable, earlyIdentical: options.earlyIdentical, bothMissing: options.bothMissingTie ? "tie" : "candidate" },
    });

    return { outcome: round.winner, detail: { order: round.order, statuses: round.statuses }, trace: round.trace };
  }
  if (!item.candidate) throw new Error(`Item ${item.queryId}/${item.round} has no answer to judge`);
  if (protocol === "rules") {
    const verdict = judgeByRules(item.candidate);

    return { outcome: verdict.passed ? "passed" : "failed", detail: {}, trace: verdict.trace };
  }
  if (protocol === "toolbench") {
    const round = await judgeToolbenchRound({ answer: item.candidate, judge, rng, unsure: options.explicitUnsure ? "explicit" : "coin" });

    return {
      outcome: round.label,
      detail: { answerStatus: round.answerStatus, taskStatus: round.taskStatus, pass: round.pass, notHallucinate: round.notHallucinate, coinFlip: round.coinFlip },
      trace: round.trace,
    };
  }
  const round = await judgeSoprRound({ answer: item.candidate, judge });

  return { outcome: round.label, detail: {}, trace: round.trace };
};
