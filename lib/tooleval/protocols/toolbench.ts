import type { Rng } from "../random";
import { pyJsonDumps } from "../python";
import { endsWithFinish, renderSteps } from "../steps";
import { TASK_STATUSES, type AnswerPass, type AnswerStatus, type ConvertedAnswer, type Judge, type TaskStatus } from "../types";
import { checkIsSolved } from "./check-solved";
import { checkHallucination } from "./hallucination";
import { readVerdict, type TraceStep } from "./trace";

export type ToolbenchLabel = "passed" | "failed" | "unsure";

export type ToolbenchRound = {
  label: ToolbenchLabel;
  answerStatus: AnswerStatus;
  taskStatus: TaskStatus;
  pass: AnswerPass;
  /** "Is solved: …\nTask solvable: …", as ToolBench stores it. */
  reason: string;
  notHallucinate: boolean;
  /** True when an Unsure pass was settled by the coin. */
  coinFlip: boolean;
  trace: TraceStep[];
};

/** ToolEval v1's `is_passed` truth table (spec §2.1 step 5). */
export const isPassed = (answerStatus: AnswerStatus, taskStatus: TaskStatus): AnswerPass => {
  if (answerStatus === "Solved" || taskStatus === "Unsolvable") return "Passed";
  if (answerStatus === "Unsolved" && taskStatus === "Solvable") return "Failed";

  return "Unsure";
};

/**
 * One ToolBench (ToolEval v1) evaluation round (spec §2.1). Unsure passes are settled by a coin flip
 * from `rng` (faithful), or kept as "unsure" with `unsure: "explicit"` (the corrected mode).
 */
export const judgeToolbenchRound = async ({
  answer,
  judge,
  rng,
  unsure = "coin",
}: {
  answer: ConvertedAnswer;
  judge: Judge;
  rng: Rng;
  unsure?: "coin" | "explicit";
}): Promise<ToolbenchRound> => {
  const { notHallucinate, mutatedAnswer } = checkHallucination({ availableTools: answer.available_tools, answer: answer.answer });
  const { finalStep } = renderSteps(answer.answer);
  if (!endsWithFinish(finalStep)) {
    const trace = [{ stage: "no_finish", shortcut: "no_finish", verdict: "failed", reason: "No answer" }];

    return { label: "failed", answerStatus: "Unsolved", taskStatus: "Solvable", pass: "Failed", reason: "No answer", notHallucinate, coinFlip: false, trace };
  }
  const solved = await checkIsSolved({ query: answer.query, answer: mutatedAnswer, judge, withReason: true });
  const trace = [...solved.trace];
  let taskStatus: TaskStatus = "Solvable";
  let taskReason = "Task has been solved before.";
  if (solved.status === "Solved") {
    trace.push({ stage: "task_solvable", shortcut: "solved_before", verdict: taskStatus, reason: taskReason });
  } else {
    const task = pyJsonDumps({ query: answer.query, available_tools: answer.available_tools });
    const reply = await judge({ fn: "check_task_solvable", vars: { task }, withReason: true, stage: "check_task_solvable" });
    taskStatus = readVerdict(reply, "task_status", TASK_STATUSES);
    taskReason = reply.reason ?? "";
    trace.push({ stage: "check_task_solvable", fn: "check_task_solvable", verdict: taskStatus, reason: reply.reason });
  }
  const pass = isPassed(solved.status, taskStatus);
  const reason = `Is solved: ${solved.reason}\nTask solvable: ${taskReason}`;
  const base = { answerStatus: solved.status, taskStatus, pass, reason, notHallucinate, trace };
  if (pass !== "Unsure") return { ...base, label: pass === "Passed" ? "passed" : "failed", coinFlip: false };
  if (unsure === "explicit") return { ...base, label: "unsure", coinFlip: false };
  const label = rng.next() < 0.5 ? "passed" : "failed";
  trace.push({ stage: "coin_flip", shortcut: "coin_flip", verdict: label });

  return { ...base, label, coinFlip: true };
};

export type ToolbenchCounts = { passed: number; failed: number; unsure?: number };

/** A query passes when `failed <= passed` over its rounds (ties pass, as ToolBench prints it). */
export const queryPasses = ({ passed, failed }: ToolbenchCounts) => failed <= passed && passed + failed > 0;

/**
 * ToolBench's printed pass rate: the share of queries that pass, ×100. In explicit-Unsure mode a query
 * whose rounds were all Unsure does not pass and is counted in `unsureQueries`.
 */
export const scoreToolbench = (queries: ToolbenchCounts[]) => {
  const passedQueries = queries.filter(queryPasses).length;
  const unsureQueries = queries.filter(({ passed, failed, unsure = 0 }) => passed + failed === 0 && unsure > 0).length;

  return { passRate: queries.length === 0 ? 0 : (passedQueries / queries.length) * 100, passedQueries, unsureQueries, n: queries.length };
};
