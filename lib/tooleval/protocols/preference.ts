import { pyJsonDumps, pyStr } from "../python";
import type { Rng } from "../random";
import { JudgeError } from "../judge/error";
import { TASK_STATUSES, type AnswerStatus, type ConvertedAnswer, type Judge } from "../types";
import { checkIsSolved } from "./check-solved";
import { processAnswer, processTools, type ProcessedAnswer } from "./process-answer";
import { readVerdict, type TraceStep } from "./trace";

export type PreferenceSide = "reference" | "candidate";

export type PreferenceOptions = {
  /** Skip `check_task_solvable`, whose result ToolEval never uses (pure cost). Faithful: false. */
  skipTaskSolvable?: boolean;
  /** Decide identical answers before judging their statuses. Faithful: false (ToolEval checks at selection). */
  earlyIdentical?: boolean;
  /** Both answers missing: ToolEval gives the round to the candidate; "tie" scores it for nobody. */
  bothMissing?: "candidate" | "tie";
  /** Known statuses (e.g. from pass-rate results), attached by role — ToolEval attaches them by position. */
  statuses?: Partial<Record<PreferenceSide, AnswerStatus>>;
};

export type PreferenceRound = {
  winner: PreferenceSide | "none";
  /** The sides in the order the judge saw them (Answer_0, Answer_1); empty when no comparison ran. */
  order: PreferenceSide[];
  statuses: Partial<Record<PreferenceSide, AnswerStatus>>;
  trace: TraceStep[];
};

const shortcut = (winner: PreferenceSide | "none", name: string, reason: string): PreferenceRound => ({
  winner,
  order: [],
  statuses: {},
  trace: [{ stage: name, shortcut: name, verdict: winner, reason }],
});

/** ToolEval's `check_identity_answers`: equal final answers and equal Python `str()` of the details. */
const identical = (a: ProcessedAnswer, b: ProcessedAnswer) => a.final_answer === b.final_answer && pyStr(a.answer_details) === pyStr(b.answer_details);

/**
 * One preference round between a reference and a candidate answer (spec §3.1-3.3): answers processed
 * as ToolEval does, shown in a seeded random order, statuses by the `check_is_solved` cascade (stage
 * keys name the side, e.g. `candidate:check_answer_status`); exactly one Solved wins, else exactly one
 * Unsure wins, else `check_task_solvable` (unless both solved or skipped) then `select_better_answer`;
 * identical answers are picked at random without that call. A missing answer loses without any call.
 */
export const judgePreferenceRound = async ({
  reference,
  candidate,
  judge,
  rng,
  options = {},
}: {
  reference?: ConvertedAnswer;
  candidate?: ConvertedAnswer;
  judge: Judge;
  rng: Rng;
  options?: PreferenceOptions;
}): Promise<PreferenceRound> => {
  if (!reference && !candidate && options.bothMissing === "tie") return shortcut("none", "both_missing", "Neither model answered");
  if (!reference) return shortcut("candidate", "missing_reference", "The reference model has no answer");
  if (!candidate) return shortcut("reference", "missing_candidate", "The candidate model has no answer");

  const processed: Record<PreferenceSide, ProcessedAnswer> = { reference: processAnswer(reference.answer), candidate: processAnswer(candidate.answer) };
  const { query } = reference;
  const order = rng.shuffle<PreferenceSide>(["reference", "candidate"]);
  const trace: TraceStep[] = [{ stage: "order", shortcut: "shuffle", verdict: order.join(",") }];
  const pickIdentical = (sides: PreferenceSide[]): PreferenceRound => {
    const winner = rng.choice(sides);
    trace.push({ stage: "identical_answers", shortcut: "identical_answers", verdict: winner, reason: "Identical answers: picked at random" });

    return { winner, order, statuses, trace };
  };
  const statuses: Partial<Record<PreferenceSide, AnswerStatus>> = { ...options.statuses };
  if (options.earlyIdentical && identical(processed.reference, processed.candidate)) return pickIdentical(order);

  const checks = await Promise.all(
    order.map(async (side) => (statuses[side] ? undefined : checkIsSolved({ query, answer: processed[side], judge, withReason: false, stagePrefix: side }))),
  );
  order.forEach((side, position) => {
    const check = checks[position];
    if (check) {
      statuses[side] = check.status;
      trace.push(...check.trace);
    }
  });
  for (const status of ["Solved", "Unsure"] as const) {
    const sides = order.filter((side) => statuses[side] === status);
    if (sides.length === 1) {
      trace.push({ stage: "decision", shortcut: `single_${status.toLowerCase()}`, verdict: sides[0]! });

      return { winner: sides[0]!, order, statuses, trace };
    }
    if (sides.length > 1) break;
  }

  const bothSolved = order.every((side) => statuses[side] === "Solved");
  if (bothSolved) trace.push({ stage: "task_solvable", shortcut: "solved_before", verdict: "Solvable" });
  else if (options.skipTaskSolvable) trace.push({ stage: "task_solvable", shortcut: "skipped", verdict: "skipped", reason: "Result unused by ToolEval" });
  else {
    const task = pyJsonDumps({ query, available_tools: processTools(reference.available_tools) });
    const reply = await judge({ fn: "check_task_solvable", vars: { task }, withReason: false, stage: "check_task_solvable" });
    trace.push({ stage: "check_task_solvable", fn: "check_task_solvable", verdict: readVerdict(reply, "task_status", TASK_STATUSES), reason: reply.reason });
  }
  const [first, second] = order as [PreferenceSide, PreferenceSide];
  if (identical(processed[first], processed[second])) return pickIdentical(order);

  const reply = await judge({
    fn: "select_better_answer",
    vars: { query, answer_0: pyJsonDumps(processed[first]), answer_1: pyJsonDumps(processed[second]) },
    withReason: true,
    stage: "select_better_answer",
  });
  const index = reply.args.index;
  if (index !== 0 && index !== 1) throw new JudgeError({ kind: "bad_output", message: `index must be 0 or 1, got ${JSON.stringify(index)}`, attempts: 1 });
  const winner = order[index]!;
  trace.push({ stage: "select_better_answer", fn: "select_better_answer", verdict: winner, reason: reply.reason });

  return { winner, order, statuses, trace };
};

export type PreferenceCounts = { reference: number; candidate: number };

export type PreferenceScore = { n: number; wins: number; ties: number; losses: number; winRate: number; winRateHalfTies: number };

/**
 * Per query the side with more round wins takes it (candidate ahead = win); `winRate = wins / N` as
 * StableToolBench prints it and `winRateHalfTies = (wins + ties/2) / N` as ToolBench's README numbers
 * fit (spec §3.5), both ×100. N is the number of test ids (one entry per id in `counts`).
 */
export const scorePreference = (counts: PreferenceCounts[]): PreferenceScore => {
  const wins = counts.filter(({ reference, candidate }) => candidate > reference).length;
  const losses = counts.filter(({ reference, candidate }) => candidate < reference).length;
  const n = counts.length;
  const ties = n - wins - losses;

  return { n, wins, ties, losses, winRate: n === 0 ? 0 : (wins / n) * 100, winRateHalfTies: n === 0 ? 0 : ((wins + ties / 2) / n) * 100 };
};
