import type pg from "pg";
import { grantSlots, onRateLimited, onSucceeded, type Aimd } from "./lease-policy";

const LEASE_TTL_MS = 10_000;
const RENEW_EVERY_MS = 1_000;

export type JudgeGate = {
  /** Waits for a slot; the returned function gives it back. */
  acquire: () => Promise<() => void>;
  onRateLimit: (retryAfterMs: number | undefined) => void;
  onSuccess: () => void;
  stats: () => { slots: number; inFlight: number; waiting: number; limit: number };
  stop: () => Promise<void>;
};

/**
 * The in-flight limit of one judge, shared by every worker process: each worker leases slots in the
 * `judge_leases` table (renewed every second, under an advisory lock per judge; a dead worker's
 * lease expires after 10 s) and never has more calls in flight than it holds. Within its lease the
 * worker adapts to rate limits (AIMD). `localCap` bounds this process whatever the lease. The limit
 * is re-read from the judge configuration at each renewal, so an edit applies within a second.
 */
export const createJudgeGate = ({
  pool,
  judgeConfigId,
  workerId,
  limit: initialLimit,
  localCap = Number.POSITIVE_INFINITY,
}: {
  pool: pg.Pool;
  judgeConfigId: string;
  workerId: string;
  limit: number;
  localCap?: number;
}): JudgeGate => {
  let limit = initialLimit;
  let slots = 0;
  let inFlight = 0;
  let aimd: Aimd = { limit, pausedUntil: 0 };
  let stopped = false;
  let renewing: Promise<void> | undefined;
  let leaseValidUntil = 0;
  let lastRenewAt = 0;
  const waiters: (() => void)[] = [];

  const allowed = () => (Date.now() > leaseValidUntil ? 0 : Math.min(slots, Math.floor(aimd.limit), localCap));

  const pump = () => {
    const now = Date.now();
    if (now < aimd.pausedUntil) {
      setTimeout(pump, aimd.pausedUntil - now);

      return;
    }
    while (waiters.length > 0 && inFlight < allowed()) {
      inFlight += 1;
      waiters.shift()!();
    }
    // Ask for more slots now rather than at the next tick, but not more often than every 250 ms.
    if (waiters.length > 0 && inFlight >= slots && now - lastRenewAt > 250) void renew();
  };

  const renew = () =>
    (renewing ??= (async () => {
      lastRenewAt = Date.now();
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext('judge-lease:' || $1))", [judgeConfigId]);
        await client.query("DELETE FROM judge_leases WHERE judge_config_id = $1 AND expires_at < now()", [judgeConfigId]);
        const config = await client.query<{ max_in_flight: number }>("SELECT max_in_flight FROM judge_configs WHERE id = $1", [judgeConfigId]);
        limit = config.rows[0]?.max_in_flight ?? limit;
        const { rows } = await client.query<{ slots: number; demand: number }>(
          "SELECT slots, demand FROM judge_leases WHERE judge_config_id = $1 AND worker_id <> $2",
          [judgeConfigId, workerId],
        );
        const demand = stopped ? 0 : Math.min(localCap, inFlight + waiters.length);
        slots = grantSlots({ limit, demand, inFlight, peers: rows });
        await client.query(
          `INSERT INTO judge_leases (judge_config_id, worker_id, slots, demand, expires_at)
           VALUES ($1, $2, $3, $4, now() + ($5 || ' milliseconds')::interval)
           ON CONFLICT (judge_config_id, worker_id) DO UPDATE SET slots = $3, demand = $4, expires_at = EXCLUDED.expires_at`,
          [judgeConfigId, workerId, slots, demand, String(LEASE_TTL_MS)],
        );
        await client.query("COMMIT");
        leaseValidUntil = Date.now() + LEASE_TTL_MS - 2 * RENEW_EVERY_MS;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        console.error(`[worker] judge lease renewal failed: ${(error as Error).message}`);
      } finally {
        client.release();
        renewing = undefined;
      }
      pump();
    })());

  const timer = setInterval(() => void renew(), RENEW_EVERY_MS);
  timer.unref();

  return {
    acquire: () =>
      new Promise<() => void>((resolve) => {
        let released = false;
        waiters.push(() =>
          resolve(() => {
            if (released) return;
            released = true;
            inFlight -= 1;
            pump();
          }),
        );
        pump();
      }),
    onRateLimit: (retryAfterMs) => {
      aimd = onRateLimited(aimd, { inFlight, now: Date.now(), retryAfterMs });
    },
    onSuccess: () => {
      aimd = onSucceeded(aimd, { ceiling: limit });
    },
    stats: () => ({ slots, inFlight, waiting: waiters.length, limit: Math.floor(aimd.limit) }),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await renewing;
      await pool.query("DELETE FROM judge_leases WHERE judge_config_id = $1 AND worker_id = $2", [judgeConfigId, workerId]).catch(() => undefined);
    },
  };
};
