"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { cancelRun, resumeRun, retryFailedItems, retryItem } from "@/lib/runs/control";
import { createRun } from "@/lib/runs/create-run";
import { previewRun } from "@/lib/runs/preview-run";
import { createRunSchema } from "@/lib/runs/schemas";

const runIdSchema = z.object({ runId: z.string().min(1) });

export const estimateRunAction = action({ schema: createRunSchema, permission: "runs:create" }, async (input) => previewRun(input));

export const createRunAction = action({ schema: createRunSchema, permission: "runs:create" }, async (input, { user }) => {
  const run = await createRun(input, { userId: user.id });
  revalidatePath("/runs");

  return { runId: run.id };
});

export const cancelRunAction = action({ schema: runIdSchema, permission: "runs:control" }, async ({ runId }) => {
  await cancelRun(runId);
  revalidatePath(`/runs/${runId}`);
});

export const resumeRunAction = action({ schema: runIdSchema, permission: "runs:control" }, async ({ runId }) => {
  const pending = await resumeRun(runId);
  revalidatePath(`/runs/${runId}`);

  return { pending };
});

export const retryItemAction = action({ schema: z.object({ itemId: z.string().min(1), runId: z.string().min(1) }), permission: "runs:control" }, async ({ itemId, runId }) => {
  await retryItem(itemId);
  revalidatePath(`/runs/${runId}`);
});

export const retryFailedAction = action({ schema: runIdSchema, permission: "runs:control" }, async ({ runId }) => {
  const count = await retryFailedItems(runId);
  revalidatePath(`/runs/${runId}`);

  return { count };
});
