import crypto from "node:crypto";
import os from "node:os";
import { pool } from "../../db/client";
import { JudgeError } from "../../tooleval/judge/error";
import { finalizeRun } from "../finalize";
import { runOptionsSchema, type Protocol, type RunOptions } from "../schemas";
import { createDurableJudge, StopItem } from "./durable-judge";
import { createJudgeHandles, type JudgeHandle } from "./judge-handles";
import { judgeItem } from "./judge-item";
import { claimAndLoad, renewLeases, type ClaimedItem } from "./load-chunk";
import { createRunSql, type ItemCompletion } from "./sql";

/** Attempts after which an item that keeps failing to reach the judge becomes an error. */
const MAX_ITEM_ATTEMPTS = 3;
const STATUS_TTL_MS = 1000;

type RunInfo = { id: string; protocol: Protocol; seed: number; options: RunOptions; judgeConfigId: string | null; budgetUsd: number | null };

/** Items given back to be sent again (`transient`: after a judge failure, so after a pause), and whether the run completed. */
export type ChunkOutcome = { retry: string[]; transient: boolean; finished: boolean };

/**
 * Judges chunks of run items in this process: claims them, judges each item's round with a durable
 * judge, stores the outcome, and completes the run when nothing is pending. One per worker process.
 */
export const createExecutor = ({ localCap }: { localCap?: number } = {}) => {
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const sql = createRunSql(pool());
  const handles = createJudgeHandles({ workerId, localCap });
  const held = new Set<string>();
  const statuses = new Map<string, { status: string; at: number }>();
  let stopping = false;

  const heartbeat = setInterval(() => void renewLeases({ pool: pool(), workerId, itemIds: [...held] }).catch(() => undefined), 5000);
  heartbeat.unref();

  const refreshStatus = async (runId: string) => {
    const cached = statuses.get(runId);
    if (cached && Date.now() - cached.at < STATUS_TTL_MS) return cached.status;
    const { rows } = await pool().query<{ status: string }>("SELECT status FROM eval_runs WHERE id = $1", [runId]);
    const status = rows[0]?.status ?? "MISSING";
    statuses.set(runId, { status, at: Date.now() });

    return status;
  };

  const loadRun = async (runId: string): Promise<RunInfo | undefined> => {
    const { rows } = await pool().query<{ id: string; protocol: Protocol; seed: number; options: unknown; judge_config_id: string | null; budget_usd: number | null; status: string }>(
      "SELECT id, protocol, seed, options, judge_config_id, budget_usd, status FROM eval_runs WHERE id = $1",
      [runId],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.status === "QUEUED") await pool().query("UPDATE eval_runs SET status = 'RUNNING', started_at = now(), updated_at = now() WHERE id = $1 AND status = 'QUEUED'", [runId]);
    statuses.delete(runId);

    return { id: row.id, protocol: row.protocol, seed: row.seed, options: runOptionsSchema.parse(row.options ?? {}), judgeConfigId: row.judge_config_id, budgetUsd: row.budget_usd };
  };

  const pause = async (runId: string, reason: string) => {
    await pool().query("UPDATE eval_runs SET status = 'PAUSED', pause_reason = $2, updated_at = now() WHERE id = $1 AND status = 'RUNNING'", [runId, reason]);
    statuses.delete(runId);
  };

  /** Reserves a call's worst-case cost against the run's budget; the returned function settles it. */
  const budgetFor = (run: RunInfo) => async (estimateUsd: number) => {
    if (run.budgetUsd === null) return async () => undefined;
    const { rowCount } = await pool().query(
      "UPDATE eval_runs SET cost_usd = cost_usd + $2 WHERE id = $1 AND cost_usd + $2 <= budget_usd",
      [run.id, estimateUsd],
    );
    if (rowCount === 0) {
      await pause(run.id, `budget of $${run.budgetUsd} reached`);
      throw new StopItem("budget reached");
    }

    return async (actualUsd: number) => {
      await pool().query("UPDATE eval_runs SET cost_usd = cost_usd + $2 WHERE id = $1", [run.id, actualUsd - estimateUsd]);
    };
  };

  const judgeOne = async (run: RunInfo, item: ClaimedItem, handle: JudgeHandle | undefined, shouldStop: () => string | undefined): Promise<ItemCompletion> => {
    const judge = handle
      ? createDurableJudge({ item, replies: item.replies, handle, sql, shouldStop, reserveBudget: budgetFor(run) })
      : async () => {
          throw new Error("This protocol calls no judge");
        };
    try {
      const verdict = await judgeItem({ protocol: run.protocol, options: run.options, seed: run.seed, item, judge });
      await Promise.all(
        verdict.trace
          .filter((step) => !step.fn)
          .map((step) =>
            sql.insertJudgments.run({
              runItemId: item.id, runId: run.id, stage: step.stage, fn: null, verdict: step.verdict, reason: step.reason ?? null, rawResponse: undefined,
              promptHash: null, cacheKey: null, cachedFromId: null, promptTokens: 0, completionTokens: 0, latencyMs: 0, attempts: 0, costUsd: 0,
            }),
          ),
      );

      return { id: item.id, status: "DONE", outcome: verdict.outcome, detail: { ...verdict.detail, trace: verdict.trace, worker: workerId }, error: null };
    } catch (error) {
      if (error instanceof StopItem) return { id: item.id, status: "PENDING", outcome: null, detail: null, error: null };
      const message = error instanceof Error ? error.message : String(error);
      const transient = error instanceof JudgeError && ["connection", "timeout", "server_error"].includes(error.kind);
      if (transient && item.attempts + 1 < MAX_ITEM_ATTEMPTS) return { id: item.id, status: "PENDING", outcome: null, detail: null, error: message };
      const kind = error instanceof JudgeError ? `${error.kind} after ${error.attempts} attempt(s): ` : "";

      return { id: item.id, status: "ERROR", outcome: null, detail: null, error: `${kind}${message}` };
    }
  };

  const runChunk = async ({ runId, itemIds }: { runId: string; itemIds: string[] }): Promise<ChunkOutcome> => {
    if (stopping) return { retry: itemIds, transient: false, finished: false };
    const run = await loadRun(runId);
    if (!run || (await refreshStatus(runId)) !== "RUNNING") return { retry: [], transient: false, finished: false };
    const items = await claimAndLoad({ pool: pool(), runId, itemIds, workerId });
    for (const item of items) held.add(item.id);
    const handle = run.protocol === "rules" || !run.judgeConfigId ? undefined : await handles.get(run.judgeConfigId);
    let runStatus = "RUNNING";
    const poll = setInterval(() => void refreshStatus(runId).then((status) => (runStatus = status)).catch(() => undefined), 500);
    const shouldStop = () => {
      if (stopping) return "worker stopping";
      if (runStatus !== "RUNNING") return `run ${runStatus.toLowerCase()}`;

      return handle?.circuit.openReason();
    };
    const released: { id: string; transient: boolean }[] = [];
    try {
      await Promise.all(
        items.map(async (item) => {
          const completion = await judgeOne(run, item, handle, shouldStop);
          await sql.completeItems.run({ ...completion, owner: workerId });
          held.delete(item.id);
          if (completion.status === "PENDING") released.push({ id: item.id, transient: completion.error !== null });
        }),
      );
    } finally {
      clearInterval(poll);
      for (const item of items) held.delete(item.id);
    }
    const circuitOpen = handle?.circuit.openReason();
    if (circuitOpen) await pause(runId, circuitOpen);
    // A paused or cancelled run keeps its released items pending until it is resumed.
    const resend = circuitOpen || runStatus !== "RUNNING" ? [] : released;

    return {
      retry: resend.map((entry) => entry.id),
      transient: resend.some((entry) => entry.transient),
      finished: released.length === 0 && (await finalizeRun(runId)),
    };
  };

  return {
    workerId,
    runChunk,
    /** Stops taking new calls; items in flight finish or are released for another worker. */
    stop: async () => {
      stopping = true;
      clearInterval(heartbeat);
      await Promise.all([sql.insertJudgments.flush(), sql.completeItems.flush()]);
      await handles.stop();
    },
    resetCircuit: async (judgeConfigId: string) => (await handles.get(judgeConfigId)).circuit.reset(),
  };
};

export type Executor = ReturnType<typeof createExecutor>;
