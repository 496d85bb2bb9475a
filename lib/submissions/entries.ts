import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors";
import { isIgnoredPath } from "./entry-path";
import { formatBytes, UploadLimitError, type UploadLimits } from "./limits";
import { openZipEntries } from "./zip-entries";

/**
 * One input file of an upload, wherever it lives (a file on disk, a zip entry, an uploaded part).
 * `path` is the name people know it by; `read` loads it only when the analysis gets to it.
 */
export type Entry = { path: string; size: number; read: () => Promise<Buffer> };

/** The entries of one upload and how to release what they hold open (zip files). */
export type EntrySource = { entries: Entry[]; close: () => Promise<void> };

const isZipName = (name: string) => /\.zip$/i.test(name);

/** A file on disk under the name `label`; refuses to read more than the per-file limit. */
export const fileEntry = ({ file, label, size, limits }: { file: string; label: string; size: number; limits: UploadLimits }): Entry => ({
  path: label,
  size,
  read: async () => {
    if (size > limits.maxFileBytes) {
      throw new UploadLimitError(`${label} is ${formatBytes(size)}, over the per-file limit of ${formatBytes(limits.maxFileBytes)} (TOOLEVAL_UPLOAD_MAX_FILE_BYTES)`);
    }

    return fs.promises.readFile(file);
  },
});

const walk = (dir: string, label: string, out: { file: string; label: string; size: number }[]) => {
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, dirent.name);
    const name = `${label}/${dirent.name}`;
    if (isIgnoredPath(dirent.name)) continue;
    // Symbolic links are not followed: a folder of answers has none, and a loop would never end.
    if (dirent.isDirectory()) walk(file, name, out);
    else if (dirent.isFile()) out.push({ file, label: name, size: fs.statSync(file).size });
  }
};

/**
 * Opens what the CLI is pointed at: a JSON file, a zip, or a folder (walked recursively; zips found
 * inside are opened too). Entry names start with the folder's or file's own name, so
 * `answer/my_model` gives `my_model/G1_instruction/1_CoT@1.json` and the model name can be guessed.
 */
export const openPathSource = async ({ target, limits }: { target: string; limits: UploadLimits }): Promise<EntrySource> => {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new AppError("NOT_FOUND", `${target}: no such file or folder`);
  const files: { file: string; label: string; size: number }[] = [];
  if (stat.isDirectory()) walk(target, path.basename(path.resolve(target)), files);
  else files.push({ file: target, label: path.basename(target), size: stat.size });

  return openFiles({ files, limits });
};

/**
 * Entries of a list of files on disk: zip archives are opened (their entries are named
 * `archive.zip/inner/path`), other files are entries themselves. The total size is checked here.
 */
export const openFiles = async ({ files, limits }: { files: { file: string; label: string; size: number }[]; limits: UploadLimits }): Promise<EntrySource> => {
  const total = files.reduce((sum, { size }) => sum + size, 0);
  if (total > limits.maxUploadBytes) {
    throw new UploadLimitError(`the upload is ${formatBytes(total)}, over the limit of ${formatBytes(limits.maxUploadBytes)} (TOOLEVAL_UPLOAD_MAX_BYTES)`);
  }
  const entries: Entry[] = [];
  const closers: (() => Promise<void>)[] = [];
  const budget = { declared: 0, actual: 0 };
  try {
    for (const item of files) {
      if (!isZipName(item.label)) {
        entries.push(fileEntry({ ...item, limits }));
        continue;
      }
      const zip = await openZipEntries({ file: item.file, label: item.label, limits, budget });
      closers.push(zip.close);
      entries.push(...zip.entries);
    }
  } catch (error) {
    await Promise.all(closers.map((close) => close()));
    throw error;
  }

  return { entries, close: async () => void (await Promise.all(closers.map((close) => close()))) };
};
