import path from "node:path";
import type { JudgeError } from "../judge/error";
import { judgePreferenceRound, type PreferenceOptions } from "../protocols/preference";
import { averagePreference, summarizePreferenceSet, type PreferenceSetSummary } from "../protocols/set-summary";
import { createRng } from "../random";
import type { Judge } from "../types";
import { createThrottledSaver, listAnsweredSets, loadConvertedAnswers, loadResultJson, loadTestIds, writeFileAtomic } from "./io";
import { DEFAULT_SEED } from "./pass-rate";
import { createPreferenceState } from "./preference-state";
import { limitJudge, runRounds, type ProgressEvent, type RoundTask } from "./run-rounds";

export type { PreferenceSetSummary };

export type PreferenceSummary = {
  reference: string;
  candidate: string;
  evaluateTimes: number;
  sets: Record<string, PreferenceSetSummary>;
  /** Unweighted means over the sets of both win rates. */
  average: { winRate: number; winRateHalfTies: number };
};

export type PreferenceRunOptions = {
  convertedAnswerPath: string;
  referenceModel: string;
  candidateModel: string;
  testIdsDir: string;
  savePath: string;
  /** Default: every set with a converted file for both models. */
  testSets?: string[];
  evaluateTimes: number;
  judge: Judge;
  maxInFlight?: number;
  seed?: string | number;
  overwrite?: boolean;
  protocol?: PreferenceOptions;
  saveIntervalMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  onError?: (error: JudgeError, where: { set: string; qid: string; round: number }) => void;
};

/**
 * File-mode win rate, as ToolEval's `eval_preference.py`: for every test id and round, the reference
 * and candidate answers are compared (spec §3), and `SAVE/SET_REF_CAND.json` + `.csv` are written in
 * ToolEval's format. Complete rounds of an existing file are kept unless `overwrite`.
 */
export const runPreference = async (options: PreferenceRunOptions): Promise<PreferenceSummary> => {
  const { convertedAnswerPath, referenceModel, candidateModel, evaluateTimes } = options;
  if (referenceModel === candidateModel) throw new Error("The reference and candidate models must differ (ToolEval keys counts by model name)");
  const judge = limitJudge(options.judge, options.maxInFlight ?? 30);
  const candidateSets = new Set(await listAnsweredSets(path.join(convertedAnswerPath, candidateModel)));
  const sets = options.testSets?.length
    ? options.testSets
    : (await listAnsweredSets(path.join(convertedAnswerPath, referenceModel))).filter((set) => candidateSets.has(set));
  if (sets.length === 0) throw new Error(`No test set has converted answers for both ${referenceModel} and ${candidateModel}`);
  const summaries: Record<string, PreferenceSetSummary> = {};
  for (const set of sets) summaries[set] = await runPreferenceSet({ ...options, judge, set });
  return { reference: referenceModel, candidate: candidateModel, evaluateTimes, sets: summaries, average: averagePreference(Object.values(summaries)) };
};

const runPreferenceSet = async (options: PreferenceRunOptions & { set: string }): Promise<PreferenceSetSummary> => {
  const { set, referenceModel, candidateModel, evaluateTimes, judge, seed = DEFAULT_SEED } = options;
  const reference = await loadConvertedAnswers(path.join(options.convertedAnswerPath, referenceModel, `${set}.json`));
  const candidate = await loadConvertedAnswers(path.join(options.convertedAnswerPath, candidateModel, `${set}.json`));
  const testIds = await loadTestIds(path.join(options.testIdsDir, `${set}.json`));
  const base = path.join(options.savePath, `${set}_${referenceModel}_${candidateModel}`);
  const file = `${base}.json`;
  const existing = options.overwrite ? undefined : await loadResultJson(file);
  const state = createPreferenceState({ existing, file, testIds, referenceModel, candidateModel, evaluateTimes });

  const tasks: RoundTask[] = testIds.flatMap((qid) =>
    Array.from({ length: evaluateTimes }, (_, round) => round)
      .filter((round) => !state.doneRounds(qid).has(round))
      .map((round) => ({
        qid,
        round,
        run: async () => {
          const rng = createRng(seed, set, qid, round, "preference");
          const { winner } = await judgePreferenceRound({ reference: reference[qid], candidate: candidate[qid], judge, rng, options: options.protocol });
          state.record({ qid, round, winner });
        },
      })),
  );
  const saver = createThrottledSaver(async () => {
    await writeFileAtomic(file, state.toJson());
    await writeFileAtomic(`${base}.csv`, state.toTsv({ reference, candidate }));
  }, options.saveIntervalMs);
  const { errors } = await runRounds({ set, tasks, onProgress: options.onProgress, onError: options.onError, afterEach: saver.request });
  await saver.flush();

  return summarizePreferenceSet({ counts: testIds.map((qid) => state.counts(qid)), errors });
};
