import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { AnalyzedSet } from "./analyze";
import type { UploadReport } from "./report";

/**
 * Upload folders under `<dataDir>/uploads/<id>/`: the received files (`incoming/`) and the staged
 * converted answers (`set-N.ndjson`). A folder whose report failed is deleted at once; a staged one
 * waits for the confirmation (then it is deleted) and is removed after a day if nobody confirms.
 */

export const UPLOAD_ID = /^[a-f0-9]{32}$/;
const MANIFEST = "manifest.json";
const STALE_MS = 24 * 60 * 60 * 1000;

export type StageManifest = {
  id: string;
  createdAt: string;
  userId: string;
  benchmark: { id: string; name: string };
  conversionMethod: string | null;
  sets: AnalyzedSet[];
  report: UploadReport;
};

export const uploadsRoot = () => path.join(getEnv().dataDir, "uploads");

export const uploadDir = (id: string) => {
  if (!UPLOAD_ID.test(id)) throw new AppError("NOT_FOUND", "No such upload.");

  return path.join(uploadsRoot(), id);
};

/** A fresh upload folder with an `incoming/` folder for the received files. */
export const createUploadDir = async () => {
  const id = crypto.randomBytes(16).toString("hex");
  const dir = uploadDir(id);
  await fs.promises.mkdir(path.join(dir, "incoming"), { recursive: true, mode: 0o700 });

  return { id, dir };
};

export const removeUploadDir = (dir: string) => fs.promises.rm(dir, { recursive: true, force: true });

/** Keeps the staged answers and the report; the received files are no longer needed. */
export const writeStage = async ({ dir, manifest }: { dir: string; manifest: StageManifest }) => {
  await fs.promises.rm(path.join(dir, "incoming"), { recursive: true, force: true });
  await fs.promises.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest), { mode: 0o600 });
};

const manifestSchema = z.looseObject({ id: z.string(), userId: z.string(), createdAt: z.string() });

/** The stage of `id` if it exists, belongs to `userId` and is not stale. */
export const readStage = async ({ id, userId }: { id: string; userId: string }): Promise<{ dir: string; manifest: StageManifest }> => {
  const dir = uploadDir(id);
  const expired = new AppError("NOT_FOUND", "This upload is no longer waiting for confirmation (stored already, or older than a day): upload the files again.");
  const text = await fs.promises.readFile(path.join(dir, MANIFEST), "utf8").catch(() => undefined);
  if (text === undefined) throw expired;
  const manifest = manifestSchema.parse(JSON.parse(text)) as unknown as StageManifest;
  if (manifest.userId !== userId || Date.now() - Date.parse(manifest.createdAt) > STALE_MS) throw expired;

  return { dir, manifest };
};

/** Removes upload folders older than a day (abandoned confirmations, crashed requests). */
export const removeStaleUploads = async (now = Date.now()) => {
  const root = uploadsRoot();
  const names = await fs.promises.readdir(root).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => UPLOAD_ID.test(name))
      .map(async (name) => {
        const stat = await fs.promises.stat(path.join(root, name)).catch(() => undefined);
        if (stat && now - stat.mtimeMs > STALE_MS) await removeUploadDir(path.join(root, name));
      }),
  );
};
