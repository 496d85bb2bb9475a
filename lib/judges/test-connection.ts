import { JudgeError } from "../tooleval/judge/error";
import { loadJudgeRuntime } from "./runtime";

export type ConnectionCheck = { ok: true; latencyMs: number; model: string; verdict: string } | { ok: false; error: string };

/**
 * One cheap call: `check_answer_status` on a two-line request and reply, a single attempt. Tells
 * whether the endpoint, key, model and function calling work, without exposing the key.
 */
export const testJudgeConnection = async (judgeConfigId: string): Promise<ConnectionCheck> => {
  try {
    const runtime = await loadJudgeRuntime(judgeConfigId);
    const client = runtime.createClient({ maxAttempts: 1 });
    const result = await client.call({
      fn: "check_answer_status",
      vars: { query: "What is 2 + 2?", answer: '{"return_type": "give_answer", "final_answer": "4"}' },
      withReason: false,
      stage: "connection_test",
    });

    return { ok: true, latencyMs: result.latencyMs, model: result.model, verdict: String(result.args.answer_status) };
  } catch (error) {
    if (error instanceof JudgeError) return { ok: false, error: `${error.kind}: ${error.message}` };

    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};
