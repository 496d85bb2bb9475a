import { db } from "../db/client";
import { getBoss } from "../queue/boss";
import { sendJobs } from "../queue/jobs";
import { CHUNK_SIZE, runChunkJob } from "./jobs";

/** Sends the given items of a run to the workers, in chunks, in the order given. */
export const enqueueItems = async ({ runId, itemIds, startAfterSeconds }: { runId: string; itemIds: string[]; startAfterSeconds?: number }) => {
  if (itemIds.length === 0) return;
  const chunks: string[][] = [];
  for (let start = 0; start < itemIds.length; start += CHUNK_SIZE) chunks.push(itemIds.slice(start, start + CHUNK_SIZE));
  const boss = await getBoss();
  await sendJobs(boss, runChunkJob, chunks.map((chunk) => ({ runId, itemIds: chunk })), startAfterSeconds ? { startAfter: new Date(Date.now() + startAfterSeconds * 1000) } : {});
  await db().runItem.updateMany({ where: { id: { in: itemIds } }, data: { queuedAt: new Date() } });
};

/** Every pending item of a run, round by round (so partial results cover whole rounds first). */
export const enqueuePending = async (runId: string) => {
  const items = await db().runItem.findMany({ where: { runId, status: "PENDING" }, orderBy: [{ round: "asc" }, { queryId: "asc" }], select: { id: true } });
  await enqueueItems({ runId, itemIds: items.map((item) => item.id) });

  return items.length;
};
