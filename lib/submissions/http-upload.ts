import path from "node:path";
import type { SessionUser } from "../auth/session";
import { AppError, GENERIC_ERROR, isAppError } from "../errors";
import { openFiles } from "./entries";
import { formatBytes, UploadLimitError, uploadLimits, type UploadLimits } from "./limits";
import { receiveMultipart, requestBody } from "./multipart";
import { stageUpload, submitUpload } from "./process-upload";
import { uploadFieldsSchema } from "./schemas";
import { createUploadDir, removeUploadDir } from "./stage";

/** Streams a multipart request into a fresh upload folder; refuses it early when it is too large. */
export const receiveUploadRequest = async ({ request, limits }: { request: Request; limits: UploadLimits }) => {
  const length = Number(request.headers.get("content-length"));
  if (Number.isFinite(length) && length > limits.maxUploadBytes) {
    throw new UploadLimitError(`The upload is ${formatBytes(length)}, over the limit of ${formatBytes(limits.maxUploadBytes)} (TOOLEVAL_UPLOAD_MAX_BYTES).`);
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID_INPUT", "Send the files as multipart/form-data.");
  const { id, dir } = await createUploadDir();
  try {
    const received = await receiveMultipart({ contentType, body: requestBody(request), dir: path.join(dir, "incoming"), limits });
    if (received.files.length === 0) throw new AppError("INVALID_INPUT", "The upload has no files (send them as form parts named `files`).");

    return { id, dir, ...received };
  } catch (error) {
    await removeUploadDir(dir);
    throw error;
  }
};

/**
 * POST /api/v1/submissions: checks and stores in one go. 201 with the new version, 200 when the same
 * content is already stored, 422 with the report when validation fails (nothing stored), and with
 * `dryRun=true` only the report.
 */
export const submitFromRequest = async ({ request, user }: { request: Request; user: SessionUser }): Promise<Response> => {
  const limits = uploadLimits();
  const upload = await receiveUploadRequest({ request, limits });
  try {
    const fields = uploadFieldsSchema.parse(upload.fields);
    const source = await openFiles({ files: upload.files, limits });
    try {
      const { checked, stored } = await submitUpload({ source, fields, dir: upload.dir, origin: "api", userId: user.id });
      if (!checked.report.ok) return Response.json({ error: "The upload did not pass validation: nothing was stored.", report: checked.report }, { status: 422 });
      if (!stored) return Response.json({ dryRun: true, report: checked.report });
      const { submission, deduplicated, sets } = stored;

      return Response.json({ submission, deduplicated, sets, report: checked.report }, { status: deduplicated ? 200 : 201 });
    } finally {
      await source.close();
    }
  } finally {
    await removeUploadDir(upload.dir);
  }
};

const PROGRESS_EVERY_MS = 150;

/**
 * POST /api/uploads (the upload page): receives the files, then answers with NDJSON lines while it
 * reads them, `{"type":"progress","processed":n,"total":m}`, ending with
 * `{"type":"report","uploadId":…|null,"report":…}` or `{"type":"error","error":…}`. An ok upload stays
 * staged until it is confirmed; anything else is deleted at once.
 */
export const stageFromRequest = async ({ request, user }: { request: Request; user: SessionUser }): Promise<Response> => {
  const limits = uploadLimits();
  const upload = await receiveUploadRequest({ request, limits });
  let source: Awaited<ReturnType<typeof openFiles>>;
  let fields: ReturnType<typeof uploadFieldsSchema.parse>;
  try {
    fields = uploadFieldsSchema.parse(upload.fields);
    source = await openFiles({ files: upload.files, limits });
  } catch (error) {
    await removeUploadDir(upload.dir);
    throw error;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const send = (line: unknown) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The browser went away; the work still finishes and cleans up.
        }
      };
      let lastSent = 0;
      try {
        const result = await stageUpload({
          id: upload.id,
          source,
          fields,
          dir: upload.dir,
          userId: user.id,
          onProgress: (processed, total) => {
            if (processed < total && Date.now() - lastSent < PROGRESS_EVERY_MS) return;
            lastSent = Date.now();
            send({ type: "progress", processed, total });
          },
        });
        if (!result.uploadId) await removeUploadDir(upload.dir);
        send({ type: "report", ...result });
      } catch (error) {
        await removeUploadDir(upload.dir);
        if (!isAppError(error)) console.error("[uploads] unexpected error", error);
        send({ type: "error", error: isAppError(error) ? error.message : GENERIC_ERROR, status: isAppError(error) ? error.status : 500 });
      } finally {
        await source.close();
        try {
          controller.close();
        } catch {
          // Already closed by a disconnect.
        }
      }
    },
  });

  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
};
