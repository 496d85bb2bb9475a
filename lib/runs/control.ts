import { db } from "../db/client";
import { AppError } from "../errors";
import { enqueueItems, enqueuePending } from "./enqueue";

/**
 * Cancel: workers see the status within a second and start no new judge call; calls in flight
 * finish and are stored. The pending items stay pending, so the run can be resumed later.
 */
export const cancelRun = async (runId: string) => {
  const updated = await db().evalRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING", "PAUSED"] } },
    data: { status: "CANCELLED", pauseReason: null },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "Only a queued, running or paused run can be cancelled.");
};

/** Resume a cancelled or paused run: its pending items go back to the workers; stored work is kept. */
export const resumeRun = async (runId: string) => {
  const updated = await db().evalRun.updateMany({
    where: { id: runId, status: { in: ["CANCELLED", "PAUSED", "FAILED"] } },
    data: { status: "RUNNING", pauseReason: null, finishedAt: null },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "Only a cancelled, paused or failed run can be resumed.");
  await db().runItem.updateMany({ where: { runId, status: "PENDING" }, data: { leaseOwner: null, leaseUntil: null } });

  return enqueuePending(runId);
};

/**
 * Judge one failed item again (its stored stages are replayed, the failed one is asked again). A
 * completed run goes back to running and completes again when the item is done.
 */
export const retryItem = async (itemId: string) => {
  const item = await db().runItem.findUnique({ where: { id: itemId }, select: { id: true, runId: true, status: true } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  if (item.status !== "ERROR") throw new AppError("CONFLICT", "Only a failed item can be retried.");
  await db().$transaction([
    db().runItem.update({ where: { id: itemId }, data: { status: "PENDING", error: null, attempts: 0, leaseOwner: null, leaseUntil: null } }),
    db().evalRun.updateMany({ where: { id: item.runId, status: { in: ["COMPLETED", "FAILED"] } }, data: { status: "RUNNING", finishedAt: null } }),
  ]);
  await enqueueItems({ runId: item.runId, itemIds: [itemId] });
};

/** Retry every failed item of a run. */
export const retryFailedItems = async (runId: string) => {
  const failed = await db().runItem.findMany({ where: { runId, status: "ERROR" }, select: { id: true } });
  if (failed.length === 0) return 0;
  await db().$transaction([
    db().runItem.updateMany({ where: { runId, status: "ERROR" }, data: { status: "PENDING", error: null, attempts: 0, leaseOwner: null, leaseUntil: null } }),
    db().evalRun.updateMany({ where: { id: runId, status: { in: ["COMPLETED", "FAILED"] } }, data: { status: "RUNNING", finishedAt: null } }),
  ]);
  await enqueueItems({ runId, itemIds: failed.map((item) => item.id) });

  return failed.length;
};
