import yauzl from "yauzl";
import { AppError } from "../errors";
import type { Entry, EntrySource } from "./entries";
import { isIgnoredPath, normalizeEntryPath } from "./entry-path";
import { formatBytes, UploadLimitError, type UploadLimits } from "./limits";

/** Expanded bytes of every archive of one upload, declared (central directory) and actually read. */
export type ZipBudget = { declared: number; actual: number };

const refusal = (label: string, error: Error): AppError => {
  const message = error.message;
  const traversal = /^invalid relative path: (.*)$/.exec(message);
  if (traversal) return new AppError("INVALID_INPUT", `${label}: refused, the entry "${traversal[1]}" points outside the archive (..)`);
  const absolute = /^absolute path: (.*)$/.exec(message);
  if (absolute) return new AppError("INVALID_INPUT", `${label}: refused, the entry "${absolute[1]}" has an absolute path`);
  if (/too many bytes|not enough bytes|size mismatch/.test(message)) {
    return new UploadLimitError(`${label}: refused, an entry's data does not match the size the archive declares (${message})`);
  }
  if (/end of central directory record signature not found/i.test(message)) return new AppError("INVALID_INPUT", `${label} is not a zip archive (or it is truncated)`);

  return new AppError("INVALID_INPUT", `${label}: cannot read the archive (${message})`);
};

const readZipEntry = ({ zip, entry, name, limits, budget }: {
  zip: yauzl.ZipFile;
  entry: yauzl.Entry;
  name: string;
  limits: UploadLimits;
  budget: ZipBudget;
}) =>
  new Promise<Buffer>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(refusal(name, error ?? new Error("no data")));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        budget.actual += chunk.length;
        // Counted as the bytes come out of the decompressor: a lying header cannot get past this.
        const over =
          size > entry.uncompressedSize || size > limits.maxFileBytes
            ? `${name} expands beyond its declared ${formatBytes(entry.uncompressedSize)}`
            : budget.actual > limits.maxZipExpandedBytes
              ? `the archives expand beyond ${formatBytes(limits.maxZipExpandedBytes)} (TOOLEVAL_ZIP_MAX_EXPANDED_BYTES)`
              : undefined;
        if (over) {
          stream.destroy();
          reject(new UploadLimitError(`refused: ${over}`));
        } else chunks.push(chunk);
      });
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.on("error", (streamError: Error) => reject(refusal(name, streamError)));
    });
  });

/**
 * Lists a zip archive from its central directory without expanding anything, refusing it as a whole
 * when it has too many entries, an entry or the total would expand past the limits, or an entry name
 * is absolute or climbs out with `..`. Each entry is expanded later, on `read()`, into memory only,
 * and counted again while it is expanded. Folders, `__MACOSX/` and dotfiles are skipped.
 */
export const openZipEntries = ({ file, label, limits, budget }: { file: string; label: string; limits: UploadLimits; budget: ZipBudget }) =>
  new Promise<EntrySource>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(refusal(label, error ?? new Error("cannot open")));
      let settled = false;
      const close = async () => zip.close();
      const fail = (reason: AppError) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(reason);
      };
      // Errors after the listing belong to an entry's read and reach it through its stream.
      zip.on("error", (zipError: Error) => fail(refusal(label, zipError)));
      if (zip.entryCount > limits.maxZipEntries) {
        return fail(new UploadLimitError(`${label}: refused, ${zip.entryCount} entries, more than the limit of ${limits.maxZipEntries} (TOOLEVAL_ZIP_MAX_ENTRIES)`));
      }
      const entries: Entry[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        const normalized = normalizeEntryPath(entry.fileName);
        if (!normalized.ok) return fail(new AppError("INVALID_INPUT", `${label}: refused, ${normalized.reason}`));
        if (isIgnoredPath(normalized.path)) return zip.readEntry();
        const name = `${label}/${normalized.path}`;
        if (entry.uncompressedSize > limits.maxFileBytes) {
          return fail(new UploadLimitError(`${name}: refused, it expands to ${formatBytes(entry.uncompressedSize)}, over the per-file limit of ${formatBytes(limits.maxFileBytes)} (TOOLEVAL_UPLOAD_MAX_FILE_BYTES)`));
        }
        budget.declared += entry.uncompressedSize;
        if (budget.declared > limits.maxZipExpandedBytes) {
          return fail(new UploadLimitError(`${label}: refused, its entries expand to more than ${formatBytes(limits.maxZipExpandedBytes)} (TOOLEVAL_ZIP_MAX_EXPANDED_BYTES)`));
        }
        entries.push({ path: name, size: entry.uncompressedSize, read: () => readZipEntry({ zip, entry, name, limits, budget }) });
        zip.readEntry();
      });
      zip.once("end", () => {
        if (settled) return;
        settled = true;
        resolve({ entries, close });
      });
      zip.readEntry();
    });
  });
