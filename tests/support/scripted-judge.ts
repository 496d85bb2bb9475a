import type { Judge, JudgeCall, JudgeReply } from "../../lib/tooleval/types";

/** A synchronous in-memory judge for protocol tests: answers by function (and optional stage), records calls. */
export const scriptedJudge = (answers: Record<string, JudgeReply["args"] | ((call: JudgeCall) => JudgeReply["args"])>) => {
  const calls: JudgeCall[] = [];
  const judge: Judge = async (call) => {
    calls.push(call);
    const answer = answers[call.stage] ?? answers[call.fn];
    if (!answer) throw new Error(`unexpected judge call ${call.stage}`);

    return { args: typeof answer === "function" ? answer(call) : answer, reason: call.withReason ? `because ${call.fn}` : undefined };
  };

  return { judge, calls };
};
