import path from "node:path";
import type { JudgeError } from "../judge/error";
import { judgeByRules } from "../protocols/rules";
import { averagePassRate, summarizeSoprSet, summarizeToolbenchSet, type PassRateSetSummary } from "../protocols/set-summary";
import { judgeSoprRound } from "../protocols/sopr";
import { judgeToolbenchRound } from "../protocols/toolbench";
import { createRng } from "../random";
import type { Judge } from "../types";
import { createThrottledSaver, listAnsweredSets, loadConvertedAnswers, loadResultJson, loadTestIds, writeFileAtomic } from "./io";
import { limitJudge, runRounds, type ProgressEvent, type RoundTask } from "./run-rounds";
import { createStablePassRateState } from "./stable-pass-rate-state";
import { createToolbenchPassRateState } from "./toolbench-pass-rate-state";

export type PassRateProtocol = "sopr" | "toolbench" | "rules";

export type { PassRateSetSummary };

export type PassRateSummary = {
  protocol: PassRateProtocol;
  model: string;
  evaluateTimes: number;
  sets: Record<string, PassRateSetSummary>;
  /** Unweighted mean of the set means and mean of the set stds, as the StableToolBench README averages. */
  average: { passRate: number; std: number };
};

export type PassRateRunOptions = {
  convertedAnswerPath: string;
  model: string;
  testIdsDir: string;
  savePath: string;
  /** Default: every set with a converted file for the model. */
  testSets?: string[];
  evaluateTimes: number;
  protocol: PassRateProtocol;
  /** Required unless the protocol is `rules`. */
  judge?: Judge;
  maxInFlight?: number;
  seed?: string | number;
  overwrite?: boolean;
  /** SoPR denominator: answered queries (faithful) or the whole test set (StableToolBench#37). */
  denominator?: "answered" | "test-set";
  /** ToolBench Unsure passes: seeded coin (faithful) or reported as unsure. */
  unsure?: "coin" | "explicit";
  saveIntervalMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  onError?: (error: JudgeError, where: { set: string; qid: string; round: number }) => void;
};

export const DEFAULT_SEED = 42;

/**
 * File-mode pass rate, as ToolEval's `eval_pass_rate.py`: reads `DIR/MODEL/SET.json` and
 * `TEST_IDS/SET.json`, judges every missing round of every answered test query, and writes
 * `SAVE/SET_MODEL.json` + `.csv` in the protocol's ToolEval format (StableToolBench for sopr and
 * rules, ToolBench v1 for toolbench). An existing result file is resumed unless `overwrite`.
 */
export const runPassRate = async (options: PassRateRunOptions): Promise<PassRateSummary> => {
  const { convertedAnswerPath, model, protocol, evaluateTimes } = options;
  if (protocol !== "rules" && !options.judge) throw new Error(`The ${protocol} protocol needs a judge`);
  const judge = options.judge && limitJudge(options.judge, options.maxInFlight ?? 30);
  const sets = options.testSets?.length ? options.testSets : await listAnsweredSets(path.join(convertedAnswerPath, model));
  if (sets.length === 0) throw new Error(`No converted answer files in ${path.join(convertedAnswerPath, model)}`);
  const summaries: Record<string, PassRateSetSummary> = {};
  for (const set of sets) summaries[set] = await runPassRateSet({ ...options, judge, set });
  return { protocol, model, evaluateTimes, sets: summaries, average: averagePassRate(Object.values(summaries)) };
};

const runPassRateSet = async (options: PassRateRunOptions & { set: string }): Promise<PassRateSetSummary> => {
  const { set, model, protocol, evaluateTimes, judge, seed = DEFAULT_SEED } = options;
  const answers = await loadConvertedAnswers(path.join(options.convertedAnswerPath, model, `${set}.json`));
  const testIds = await loadTestIds(path.join(options.testIdsDir, `${set}.json`));
  const base = path.join(options.savePath, `${set}_${model}`);
  const file = `${base}.json`;
  const existing = options.overwrite ? undefined : await loadResultJson(file);
  const inTestSet = new Set(testIds);
  const answered = Object.keys(answers).filter((qid) => inTestSet.has(qid));
  const rounds = Array.from({ length: evaluateTimes }, (_, round) => round);

  const stable = protocol === "toolbench" ? undefined : createStablePassRateState({ existing, file });
  const toolbench = protocol === "toolbench" ? createToolbenchPassRateState({ existing, file }) : undefined;
  const state = (stable ?? toolbench)!;
  const tasks: RoundTask[] = answered.flatMap((qid) => {
    const answer = answers[qid]!;
    const done = state.doneRounds(qid);

    return rounds
      .filter((round) => !done.has(round))
      .map((round) => ({
        qid,
        round,
        run: async () => {
          if (protocol === "rules") stable!.record({ qid, answer, round, label: judgeByRules(answer).passed ? "Solved" : "Unsolved" });
          if (protocol === "sopr") stable!.record({ qid, answer, round, label: (await judgeSoprRound({ answer, judge: judge! })).label });
          if (protocol === "toolbench") {
            const rng = createRng(seed, set, qid, round, "coin");
            toolbench!.record({ qid, answer, round, outcome: await judgeToolbenchRound({ answer, judge: judge!, rng, unsure: options.unsure }) });
          }
        },
      }));
  });

  const save = async () => {
    const tsv = stable ? stable.toTsv(model) : toolbench!.toTsv(model, `${seed}:${set}`);
    await writeFileAtomic(file, state.toJson());
    await writeFileAtomic(`${base}.csv`, tsv);
  };
  const saver = createThrottledSaver(save, options.saveIntervalMs);
  const { errors } = await runRounds({ set, tasks, onProgress: options.onProgress, onError: options.onError, afterEach: saver.request });
  await saver.flush();

  const common = { total: testIds.length, evaluateTimes, errors, denominator: options.denominator };
  if (!toolbench) return summarizeSoprSet({ ...common, labels: answered.map((qid) => stable!.labels(qid)) });
  const queries = answered.map((qid) => {
    const labels = [...toolbench.roundLabels(qid)];

    return {
      counts: toolbench.counts(qid) ?? { passed: 0, failed: 0 },
      passedRounds: labels.filter(([, label]) => label.startsWith("passed")).map(([round]) => round),
      unsureRounds: labels.filter(([, label]) => label === "unsure" || label.endsWith("(coin flip)")).length,
    };
  });

  return summarizeToolbenchSet({ ...common, queries });
};
