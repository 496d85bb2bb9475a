import { AppError } from "../errors";
import type { ConfirmUploadInput } from "./schemas";
import { readStage, removeUploadDir } from "./stage";
import { storeSubmission } from "./store";

/**
 * Stores a staged upload under the model name and method the user confirmed. The upload must be
 * the user's own, checked against the same benchmark, and raw answers keep the method they were
 * converted with. The stage is deleted once stored.
 */
export const confirmUpload = async ({ uploadId, model, method, benchmark, note, userId }: ConfirmUploadInput & { userId: string }) => {
  const { dir, manifest } = await readStage({ id: uploadId, userId });
  if (manifest.benchmark.name !== benchmark) {
    throw new AppError("INVALID_INPUT", `These files were checked against ${manifest.benchmark.name}: upload them again to check them against ${benchmark}.`, { benchmark: ["Upload again"] });
  }
  if (manifest.conversionMethod && manifest.conversionMethod !== method) {
    throw new AppError("INVALID_INPUT", `The raw answers were converted with the method ${manifest.conversionMethod}: check them again with ${method}.`, { method: ["Check again with this method"] });
  }
  const result = await storeSubmission({ model, method, benchmark: manifest.benchmark, note, source: "upload", userId, dir, sets: manifest.sets });
  await removeUploadDir(dir);

  return result;
};
