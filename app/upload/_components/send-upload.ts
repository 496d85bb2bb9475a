import type { UploadReport } from "@/lib/submissions/report";

export type UploadEvent =
  | { type: "progress"; processed: number; total: number }
  | { type: "report"; uploadId: string | null; report: UploadReport }
  | { type: "error"; error: string };

/**
 * Sends the files with XMLHttpRequest (fetch reports no upload progress) and reads the NDJSON
 * answer as it arrives: processing progress, then the report.
 */
export const sendUpload = ({
  form,
  onUploadProgress,
  onEvent,
}: {
  form: FormData;
  onUploadProgress: (loaded: number, total: number) => void;
  onEvent: (event: UploadEvent) => void;
}) =>
  new Promise<void>((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const drain = () => {
      const text = xhr.responseText;
      for (let end = text.indexOf("\n", seen); end !== -1; end = text.indexOf("\n", seen)) {
        const line = text.slice(seen, end);
        seen = end + 1;
        if (line.trim()) onEvent(JSON.parse(line) as UploadEvent);
      }
    };
    xhr.open("POST", "/api/uploads");
    xhr.upload.onprogress = (event) => onUploadProgress(event.loaded, event.total);
    xhr.onprogress = () => {
      if (xhr.status === 200) drain();
    };
    xhr.onload = () => {
      if (xhr.status === 200) drain();
      else {
        let error = `The server answered ${xhr.status}.`;
        try {
          error = (JSON.parse(xhr.responseText) as { error?: string }).error ?? error;
        } catch {
          // Not JSON (a proxy's error page): keep the status.
        }
        onEvent({ type: "error", error });
      }
      resolve();
    };
    xhr.onerror = () => {
      onEvent({ type: "error", error: "The upload failed: the connection was interrupted." });
      resolve();
    };
    xhr.send(form);
  });
