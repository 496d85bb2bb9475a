import { pyJsonDumps } from "../python";
import { ANSWER_STATUSES, type AnswerStatus, type ConvertedAnswerBody, type Judge } from "../types";
import { readVerdict, stageKey, type TraceStep } from "./trace";

export type SolvedCheck = { status: AnswerStatus; reason: string; trace: TraceStep[] };

/** ToolEval's "no answer" test: an empty final answer or a give-up counts as Unsolved without a call. */
export const isEmptyFinalAnswer = (finalAnswer: string) => finalAnswer === "" || finalAnswer.includes("give_up_and_restart");

/**
 * ToolEval's `check_is_solved` cascade (spec §2.1 step 3): empty or give-up final answer → Unsolved
 * with no call; otherwise `check_answer_status` on the query and the untruncated final answer, and if
 * that is Unsure, `parse_answer_status` on `json.dumps` of the whole answer. `answer` is dumped as
 * given, so callers pass the exact object ToolEval would dump (with or without `method`, processed or not).
 */
export const checkIsSolved = async ({
  query,
  answer,
  judge,
  withReason,
  stagePrefix,
}: {
  query: string;
  answer: Pick<ConvertedAnswerBody, "final_answer"> & Partial<ConvertedAnswerBody>;
  judge: Judge;
  withReason: boolean;
  stagePrefix?: string;
}): Promise<SolvedCheck> => {
  if (isEmptyFinalAnswer(answer.final_answer)) {
    const reason = "Empty final answer!";

    return { status: "Unsolved", reason, trace: [{ stage: stageKey(stagePrefix, "empty_final_answer"), shortcut: "empty_final_answer", verdict: "Unsolved", reason }] };
  }
  const first = await judge({ fn: "check_answer_status", vars: { query, answer: answer.final_answer }, withReason, stage: stageKey(stagePrefix, "check_answer_status") });
  const firstStatus = readVerdict(first, "answer_status", ANSWER_STATUSES);
  const trace: TraceStep[] = [{ stage: stageKey(stagePrefix, "check_answer_status"), fn: "check_answer_status", verdict: firstStatus, reason: first.reason }];
  if (firstStatus !== "Unsure") return { status: firstStatus, reason: first.reason ?? "", trace };

  const stage = stageKey(stagePrefix, "parse_answer_status");
  const second = await judge({ fn: "parse_answer_status", vars: { query, answer: pyJsonDumps(answer) }, withReason, stage });
  const status = readVerdict(second, "answer_status", ANSWER_STATUSES);
  trace.push({ stage, fn: "parse_answer_status", verdict: status, reason: second.reason });

  return { status, reason: second.reason ?? "", trace };
};
