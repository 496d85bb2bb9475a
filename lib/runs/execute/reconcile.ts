import { pool } from "../../db/client";
import { testJudgeConnection } from "../../judges/test-connection";
import { enqueueItems } from "../enqueue";
import { finalizeRun } from "../finalize";
import { runChunkJob } from "../jobs";

/**
 * The safety net that makes runs survive crashes. Every few seconds one worker (an advisory lock
 * elects it) looks at unfinished runs:
 * - pending items with no live lease, while no job for the run waits in the queue, were orphaned by
 *   a killed worker (its jobs stay "active" in pg-boss until they expire): they are sent again;
 * - a running run with nothing pending is completed (if the worker that finished it died first);
 * - a run paused because its judge was unreachable is resumed once the judge answers again.
 * Sending an item twice is harmless: a chunk only judges items it can lease.
 */
const RECONCILE_LOCK = 7_270_000_1;

const waitingJobs = async (runId: string) => {
  const { rows } = await pool().query(
    `SELECT 1 FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'runId' = $2 LIMIT 1`,
    [runChunkJob.name, runId],
  );

  return rows.length > 0;
};

const orphans = async (runId: string) => {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id FROM run_items WHERE run_id = $1 AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < now())
     ORDER BY round, query_id`,
    [runId],
  );

  return rows.map((row) => row.id);
};

export const reconcileRuns = async ({ onJudgeBack }: { onJudgeBack?: (judgeConfigId: string) => Promise<void> } = {}) => {
  const client = await pool().connect();
  try {
    const { rows: lock } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RECONCILE_LOCK]);
    if (!lock[0]?.locked) return;
    try {
      const { rows: runs } = await client.query<{ id: string; status: string; judge_config_id: string | null; pause_reason: string | null }>(
        `SELECT id, status, judge_config_id, pause_reason FROM eval_runs
         WHERE status = 'RUNNING' OR (status = 'QUEUED' AND created_at < now() - interval '10 seconds')
            OR (status = 'PAUSED' AND pause_reason LIKE 'judge unreachable%')`,
      );
      for (const run of runs) {
        if (run.status === "PAUSED") {
          if (!run.judge_config_id || !(await testJudgeConnection(run.judge_config_id)).ok) continue;
          await client.query("UPDATE eval_runs SET status = 'RUNNING', pause_reason = NULL, updated_at = now() WHERE id = $1 AND status = 'PAUSED'", [run.id]);
          await onJudgeBack?.(run.judge_config_id);
        }
        if (await waitingJobs(run.id)) continue;
        const ids = await orphans(run.id);
        if (ids.length > 0) await enqueueItems({ runId: run.id, itemIds: ids });
        else if (run.status === "RUNNING") await finalizeRun(run.id);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RECONCILE_LOCK]);
    }
  } finally {
    client.release();
  }
};
