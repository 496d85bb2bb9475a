import type pg from "pg";
import type { ConvertedAnswer, JudgeReply } from "../../tooleval/types";

export const LEASE_MS = 20_000;

export type ClaimedItem = {
  id: string;
  runId: string;
  runSetId: string;
  queryId: string;
  round: number;
  attempts: number;
  testSet: string;
  candidate?: ConvertedAnswer;
  reference?: ConvertedAnswer;
  /** Judge replies already stored for this item, by stage (a resumed item replays them). */
  replies: Map<string, JudgeReply>;
};

type PathRow = {
  id: string;
  query_text: string;
  method: string;
  total_steps: number;
  final_answer: string;
  answer_details: unknown;
  available_tools: unknown[];
};

/** A stored solution path back in ToolEval's converted form, keys in ToolEval's order. */
const toConverted = (row: PathRow): ConvertedAnswer => ({
  query: row.query_text,
  available_tools: row.available_tools,
  answer: {
    method: row.method,
    total_steps: row.total_steps,
    final_answer: row.final_answer,
    answer_details: row.answer_details as ConvertedAnswer["answer"]["answer_details"],
  },
});

/**
 * Claims the still-pending items of a chunk for this worker (a lease other workers respect until it
 * expires) and loads everything needed to judge them in three queries.
 */
export const claimAndLoad = async ({ pool, runId, itemIds, workerId }: { pool: pg.Pool; runId: string; itemIds: string[]; workerId: string }): Promise<ClaimedItem[]> => {
  const { rows: items } = await pool.query<{
    id: string; run_set_id: string; query_id: string; round: number; attempts: number; candidate_id: string | null; reference_id: string | null; test_set: string;
  }>(
    `UPDATE run_items AS item SET lease_owner = $3, lease_until = now() + ($4 || ' milliseconds')::interval
     FROM run_sets rs JOIN test_sets ts ON ts.id = rs.test_set_id
     WHERE item.id = ANY($1) AND item.run_id = $2 AND item.status = 'PENDING' AND rs.id = item.run_set_id
       AND (item.lease_until IS NULL OR item.lease_until < now() OR item.lease_owner = $3)
     RETURNING item.id, item.run_set_id, item.query_id, item.round, item.attempts, item.candidate_id, item.reference_id, ts.name AS test_set`,
    [itemIds, runId, workerId, String(LEASE_MS)],
  );
  if (items.length === 0) return [];
  const pathIds = [...new Set(items.flatMap((item) => [item.candidate_id, item.reference_id]).filter((id): id is string => id !== null))];
  const [paths, judgments] = await Promise.all([
    pool.query<PathRow>(
      `SELECT id, query_text, method, total_steps, final_answer, answer_details, available_tools FROM solution_paths WHERE id = ANY($1)`,
      [pathIds],
    ),
    pool.query<{ run_item_id: string; stage: string; raw_response: { args?: Record<string, unknown>; reason?: string } | null }>(
      `SELECT run_item_id, stage, raw_response FROM judgments WHERE run_item_id = ANY($1) AND fn IS NOT NULL AND raw_response IS NOT NULL`,
      [items.map((item) => item.id)],
    ),
  ]);
  const answers = new Map(paths.rows.map((row) => [row.id, toConverted(row)]));
  const replies = new Map<string, Map<string, JudgeReply>>();
  for (const row of judgments.rows) {
    if (!row.raw_response?.args) continue;
    const forItem = replies.get(row.run_item_id) ?? new Map<string, JudgeReply>();
    forItem.set(row.stage, { args: row.raw_response.args, reason: row.raw_response.reason });
    replies.set(row.run_item_id, forItem);
  }

  return items.map((item) => ({
    id: item.id,
    runId,
    runSetId: item.run_set_id,
    queryId: item.query_id,
    round: item.round,
    attempts: item.attempts,
    testSet: item.test_set,
    candidate: item.candidate_id ? answers.get(item.candidate_id) : undefined,
    reference: item.reference_id ? answers.get(item.reference_id) : undefined,
    replies: replies.get(item.id) ?? new Map(),
  }));
};

/** Keeps this worker's leases alive while its items are being judged. */
export const renewLeases = async ({ pool, workerId, itemIds }: { pool: pg.Pool; workerId: string; itemIds: string[] }) => {
  if (itemIds.length === 0) return;
  await pool.query(
    `UPDATE run_items SET lease_until = now() + ($3 || ' milliseconds')::interval WHERE id = ANY($1) AND lease_owner = $2 AND status = 'PENDING'`,
    [itemIds, workerId, String(LEASE_MS)],
  );
};
