import { AppError } from "../errors";
import { analyzeEntries, type Analysis, type Progress } from "./analyze";
import { loadBenchmarkSets } from "./benchmarks";
import type { EntrySource } from "./entries";
import { modelNameSchema, type UploadFields } from "./schemas";
import { removeStaleUploads, writeStage } from "./stage";
import { storeSubmission, type StoreResult, type SubmissionSource } from "./store";

export type CheckedUpload = Analysis & { benchmark: { id: string; name: string } };

/** Analyses an upload's entries against the (named or default) benchmark, staging into `dir`. */
export const checkUpload = async ({
  source,
  fields,
  dir,
  onProgress,
}: {
  source: EntrySource;
  fields: Pick<UploadFields, "benchmark" | "method" | "testSet">;
  dir: string;
  onProgress?: Progress;
}): Promise<CheckedUpload> => {
  const benchmark = await loadBenchmarkSets({ name: fields.benchmark });
  const analysis = await analyzeEntries({ entries: source.entries, benchmark, method: fields.method, testSet: fields.testSet, dir, onProgress });

  return { ...analysis, benchmark: { id: benchmark.id, name: benchmark.name } };
};

/** The model name and method to store under: as given, else as guessed from the upload. */
export const resolveIdentity = ({ checked, model, method }: { checked: CheckedUpload; model?: string; method?: string }) => {
  const name = model ?? checked.report.guesses.model ?? undefined;
  if (!name) throw new AppError("INVALID_INPUT", "Give the model name (it could not be guessed from the folder names).", { model: ["Enter a model name"] });
  const parsedName = modelNameSchema.safeParse(name);
  if (!parsedName.success) throw new AppError("INVALID_INPUT", `"${name}" cannot be a model name: ${parsedName.error.issues[0]!.message}.`, { model: [parsedName.error.issues[0]!.message] });
  const chosen = checked.conversionMethod ?? method ?? checked.report.guesses.method ?? undefined;
  if (!chosen) throw new AppError("INVALID_INPUT", "Give the method (e.g. CoT@1).", { method: ["Enter the method"] });
  if (checked.conversionMethod && method && method !== checked.conversionMethod) {
    throw new AppError("INVALID_INPUT", `The raw answers were converted with the method ${checked.conversionMethod}, not ${method}: check them again with ${method}.`, { method: ["Check again with this method"] });
  }

  return { model: parsedName.data, method: chosen };
};

/**
 * Checks and, when the report is ok and this is not a dry run, stores an upload in one go (API and
 * CLI). Nothing is stored when the report is not ok.
 */
export const submitUpload = async ({
  source,
  fields,
  dir,
  origin,
  userId,
  onProgress,
}: {
  source: EntrySource;
  fields: UploadFields;
  dir: string;
  origin: SubmissionSource;
  userId: string | null;
  onProgress?: Progress;
}): Promise<{ checked: CheckedUpload; stored?: StoreResult }> => {
  const checked = await checkUpload({ source, fields, dir, onProgress });
  if (!checked.report.ok || fields.dryRun) return { checked };
  const identity = resolveIdentity({ checked, model: fields.model, method: fields.method });
  const stored = await storeSubmission({ ...identity, benchmark: checked.benchmark, note: fields.note, source: origin, userId, dir, sets: checked.sets });

  return { checked, stored };
};

/**
 * Checks an upload for the page and keeps its converted answers for the confirmation when the report
 * is ok; returns the upload id to confirm (null when there is nothing to confirm).
 */
export const stageUpload = async ({
  id,
  source,
  fields,
  dir,
  userId,
  onProgress,
}: {
  id: string;
  source: EntrySource;
  fields: UploadFields;
  dir: string;
  userId: string;
  onProgress?: Progress;
}) => {
  void removeStaleUploads().catch(() => undefined);
  const checked = await checkUpload({ source, fields, dir, onProgress });
  if (!checked.report.ok) return { uploadId: null, report: checked.report };
  await writeStage({
    dir,
    manifest: { id, createdAt: new Date().toISOString(), userId, benchmark: checked.benchmark, conversionMethod: checked.conversionMethod, sets: checked.sets, report: checked.report },
  });

  return { uploadId: id, report: checked.report };
};
