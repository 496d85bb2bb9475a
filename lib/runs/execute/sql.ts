import crypto from "node:crypto";
import type pg from "pg";
import { createBatcher } from "./batcher";

/**
 * The judging hot path's SQL, batched across the items a worker processes at once: one statement
 * per batch instead of one per judge call. Prisma cannot express multi-row upserts with ON CONFLICT
 * or updates from a VALUES list, hence raw SQL on the shared pool.
 */

export type JudgmentRow = {
  runItemId: string;
  runId: string;
  stage: string;
  fn: string | null;
  verdict: string | null;
  reason: string | null;
  rawResponse: unknown;
  promptHash: string | null;
  cacheKey: string | null;
  cachedFromId: string | null;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  attempts: number;
  costUsd: number;
};

export type CachedReply = { id: string; args: Record<string, unknown>; reason?: string };

export type ItemCompletion = { id: string; status: "DONE" | "ERROR" | "PENDING"; outcome: string | null; detail: unknown; error: string | null };

const COLUMNS = [
  "id", "run_item_id", "run_id", "stage", "fn", "verdict", "reason", "raw_response", "prompt_hash", "cache_key",
  "cached_from_id", "prompt_tokens", "completion_tokens", "latency_ms", "attempts", "cost_usd",
] as const;

const values = (rowCount: number, width: number) =>
  Array.from({ length: rowCount }, (_, row) => `(${Array.from({ length: width }, (_, col) => `$${row * width + col + 1}`).join(", ")})`).join(", ");

export const createRunSql = (pool: pg.Pool) => {
  /** Writes judgments once: a second write of the same (item, stage) is ignored. */
  const insertJudgments = createBatcher<JudgmentRow, void>(async (rows) => {
    const params = rows.flatMap((row) => [
      crypto.randomUUID(), row.runItemId, row.runId, row.stage, row.fn, row.verdict, row.reason,
      row.rawResponse === undefined ? null : JSON.stringify(row.rawResponse), row.promptHash, row.cacheKey, row.cachedFromId,
      row.promptTokens, row.completionTokens, row.latencyMs, row.attempts, row.costUsd,
    ]);
    await pool.query(
      `INSERT INTO judgments (${COLUMNS.join(", ")}) VALUES ${values(rows.length, COLUMNS.length)} ON CONFLICT (run_item_id, stage) DO NOTHING`,
      params,
    );

    return rows.map(() => undefined);
  });

  /** A stored reply for identical work (same cache key), judged by a real call in any run. */
  const findCached = createBatcher<string, CachedReply | undefined>(async (keys) => {
    const { rows } = await pool.query<{ cache_key: string; id: string; raw_response: { args?: Record<string, unknown> } | null; reason: string | null }>(
      `SELECT DISTINCT ON (cache_key) cache_key, id, raw_response, reason FROM judgments
       WHERE cache_key = ANY($1) AND cached_from_id IS NULL AND raw_response IS NOT NULL ORDER BY cache_key, created_at`,
      [keys],
    );
    const found = new Map(rows.map((row) => [row.cache_key, row]));

    return keys.map((key) => {
      const row = found.get(key);
      if (!row?.raw_response?.args) return undefined;

      return { id: row.id, args: row.raw_response.args, reason: row.reason ?? undefined };
    });
  });

  /** Finishes items this worker holds (PENDING releases them for another attempt). */
  const completeItems = createBatcher<ItemCompletion & { owner: string }, boolean>(async (rows) => {
    const params = rows.flatMap((row) => [row.id, row.status, row.outcome, row.detail === undefined ? null : JSON.stringify(row.detail), row.error, row.owner]);
    const { rows: updated } = await pool.query<{ id: string }>(
      `UPDATE run_items AS item SET status = v.status::item_status, outcome = v.outcome, detail = v.detail::jsonb, error = v.error,
         attempts = item.attempts + 1, lease_owner = NULL, lease_until = NULL, updated_at = now()
       FROM (VALUES ${values(rows.length, 6)}) AS v(id, status, outcome, detail, error, owner)
       WHERE item.id = v.id AND item.status = 'PENDING' AND item.lease_owner = v.owner
       RETURNING item.id`,
      params,
    );
    const done = new Set(updated.map((row) => row.id));

    return rows.map((row) => done.has(row.id));
  });

  return { insertJudgments, findCached, completeItems };
};

export type RunSql = ReturnType<typeof createRunSql>;
