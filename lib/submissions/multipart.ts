import fs from "node:fs";
import path from "node:path";
import { Readable, type Readable as NodeReadable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { AppError } from "../errors";
import { isIgnoredPath, normalizeEntryPath } from "./entry-path";
import { formatBytes, UploadLimitError, type UploadLimits } from "./limits";

export type ReceivedFile = { file: string; label: string; size: number };
export type ReceivedUpload = { fields: Record<string, string>; files: ReceivedFile[] };

const MAX_FIELDS = 20;

/**
 * Streams a multipart body to `dir` (one file per part, under a generated name: part names never
 * become paths), keeping only the text fields in memory. File names keep their folders (a folder
 * upload sends `model/G1_instruction/1_CoT@1.json`). Refuses the upload when it exceeds the limits.
 */
export const receiveMultipart = ({ contentType, body, dir, limits }: { contentType: string; body: NodeReadable; dir: string; limits: UploadLimits }) =>
  new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: ReceivedFile[] = [];
    const writes: Promise<void>[] = [];
    let total = 0;
    let failed = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        preservePath: true,
        limits: { files: limits.maxZipEntries, fields: MAX_FIELDS, fieldSize: 64 * 1024, fileSize: limits.maxUploadBytes + 1 },
      });
    } catch (error) {
      return reject(new AppError("INVALID_INPUT", `Expected a multipart/form-data upload (${(error as Error).message}).`));
    }
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      body.unpipe(parser);
      // A client over the size limit (it lied about or omitted Content-Length) is cut off; for
      // anything else the rest of the body is drained so the client gets to read the answer.
      if (error instanceof UploadLimitError) body.destroy();
      else body.resume();
      reject(error);
    };
    const tooLarge = () => new UploadLimitError(`The upload is larger than ${formatBytes(limits.maxUploadBytes)} (TOOLEVAL_UPLOAD_MAX_BYTES).`);

    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_field, stream, info) => {
      const normalized = normalizeEntryPath(info.filename ?? "");
      if (failed || !normalized.ok || isIgnoredPath(normalized.path)) {
        if (!failed && !normalized.ok && info.filename) fail(new AppError("INVALID_INPUT", `Refused the file name ${normalized.reason}.`));
        stream.resume();

        return;
      }
      const target = path.join(dir, String(files.length));
      const record: ReceivedFile = { file: target, label: normalized.path, size: 0 };
      files.push(record);
      stream.on("data", (chunk: Buffer) => {
        record.size += chunk.length;
        total += chunk.length;
        if (total > limits.maxUploadBytes) fail(tooLarge());
      });
      writes.push(pipeline(stream, fs.createWriteStream(target, { mode: 0o600 })).catch((error: Error) => fail(error)));
    });
    parser.on("filesLimit", () => fail(new UploadLimitError(`More than ${limits.maxZipEntries} files in one upload (TOOLEVAL_ZIP_MAX_ENTRIES): send a zip instead.`)));
    parser.on("fieldsLimit", () => fail(new AppError("INVALID_INPUT", `More than ${MAX_FIELDS} form fields.`)));
    parser.on("error", (error: Error) => fail(new AppError("INVALID_INPUT", `The upload could not be read (${error.message}).`)));
    parser.on("close", () => {
      void Promise.all(writes).then(() => {
        if (!failed) resolve({ fields, files });
      });
    });
    body.on("error", (error) => fail(new AppError("INVALID_INPUT", `The upload was interrupted (${error.message}).`)));
    body.pipe(parser);
  });

/** A web Request's body as a Node stream (route handlers get web streams). */
export const requestBody = (request: Request): NodeReadable => {
  if (!request.body) throw new AppError("INVALID_INPUT", "The request has no body.");

  return Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
};
