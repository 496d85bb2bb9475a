import { pool } from "../../db/client";
import { loadJudgeRuntime, type JudgeRuntime } from "../../judges/runtime";
import type { JudgeClient } from "../../tooleval/judge/client";
import { createJudgeGate, type JudgeGate } from "./judge-gate";

/** Consecutive connection-class failures after which a judge counts as down and its runs pause. */
const OPEN_AFTER = 5;
/** How long a judge counts as down after its last failure before calls may try it again. */
const COOL_DOWN_MS = 10_000;

export type Circuit = { failed: (message: string) => void; succeeded: () => void; openReason: () => string | undefined; reset: () => void };

/** A circuit breaker: open after repeated failures, half-open again after a cool-down. */
const createCircuit = (): Circuit => {
  let failures = 0;
  let last = "";
  let lastAt = 0;

  return {
    failed: (message) => {
      failures += 1;
      last = message;
      lastAt = Date.now();
    },
    succeeded: () => {
      failures = 0;
    },
    openReason: () => (failures >= OPEN_AFTER && Date.now() - lastAt < COOL_DOWN_MS ? `judge unreachable: ${last}` : undefined),
    reset: () => {
      failures = 0;
    },
  };
};

export type JudgeHandle = { runtime: JudgeRuntime; client: JudgeClient; gate: JudgeGate; circuit: Circuit };

/**
 * One client, gate and circuit per judge configuration per worker process, created on first use.
 * `localCap` bounds this process's calls in flight (the CLI's --max-in-flight).
 */
export const createJudgeHandles = ({ workerId, localCap }: { workerId: string; localCap?: number }) => {
  const handles = new Map<string, Promise<JudgeHandle>>();

  const get = (judgeConfigId: string) => {
    let handle = handles.get(judgeConfigId);
    if (!handle) {
      handle = (async () => {
        const runtime = await loadJudgeRuntime(judgeConfigId);
        const gate = createJudgeGate({ pool: pool(), judgeConfigId, workerId, limit: runtime.maxInFlight, localCap });
        const client = runtime.createClient({ onRateLimit: (retryAfterMs) => gate.onRateLimit(retryAfterMs) });

        return { runtime, client, gate, circuit: createCircuit() };
      })();
      handle.catch(() => handles.delete(judgeConfigId));
      handles.set(judgeConfigId, handle);
    }

    return handle;
  };

  const stop = async () => {
    const all = await Promise.allSettled(handles.values());
    await Promise.all(all.map((entry) => (entry.status === "fulfilled" ? entry.value.gate.stop() : undefined)));
    handles.clear();
  };

  return { get, stop };
};

export type JudgeHandles = ReturnType<typeof createJudgeHandles>;
