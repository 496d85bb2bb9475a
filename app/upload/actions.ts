"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { confirmUpload } from "@/lib/submissions/confirm";
import { confirmUploadSchema } from "@/lib/submissions/schemas";

export const confirmUploadAction = action({ schema: confirmUploadSchema, permission: "submissions:create" }, async (input, { user }) => {
  const result = await confirmUpload({ ...input, userId: user.id });
  revalidatePath("/upload");
  revalidatePath(`/models/${encodeURIComponent(result.submission.model)}`);

  return result;
});
