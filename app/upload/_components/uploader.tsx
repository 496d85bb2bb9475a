"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { UploadReport } from "@/lib/submissions/report";
import type { StoreResult } from "@/lib/submissions/store";
import { ProgressBar } from "@/components/progress-bar";
import { confirmUploadAction } from "../actions";
import { FilePicker } from "./file-picker";
import type { PickedFile } from "./pick-files";
import { sendUpload } from "./send-upload";
import { UploadReportView } from "./upload-report";

type Benchmark = { name: string; sets: { name: string; queries: number }[] };
type Phase = "idle" | "uploading" | "processing" | "checked";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const PRIMARY = "rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60";

/** Choose files → check them (upload + conversion, with progress) → read the report → store. */
export function Uploader({ benchmarks, defaultBenchmark, models }: { benchmarks: Benchmark[]; defaultBenchmark: string | null; models: { name: string; method: string }[] }) {
  const router = useRouter();
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [benchmark, setBenchmark] = useState(defaultBenchmark ?? "");
  const [testSet, setTestSet] = useState("");
  const [model, setModel] = useState("");
  const [method, setMethod] = useState("");
  const [note, setNote] = useState("");
  const [phase, setPhase] = useState<Phase>("idle");
  const [upload, setUpload] = useState({ loaded: 0, total: 0 });
  const [processing, setProcessing] = useState({ processed: 0, total: 0 });
  const [checked, setChecked] = useState<{ uploadId: string | null; report: UploadReport } | null>(null);
  const [stored, setStored] = useState<StoreResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storing, startStoring] = useTransition();
  const busy = phase === "uploading" || phase === "processing" || storing;
  const sets = benchmarks.find((candidate) => candidate.name === benchmark)?.sets ?? [];
  const needsRecheck = checked?.report.method != null && method.trim() !== "" && method.trim() !== checked.report.method;

  const check = async () => {
    setError(null);
    setChecked(null);
    setStored(null);
    setPhase("uploading");
    setUpload({ loaded: 0, total: 0 });
    setProcessing({ processed: 0, total: 0 });
    const form = new FormData();
    form.append("benchmark", benchmark);
    if (method.trim()) form.append("method", method.trim());
    if (testSet) form.append("testSet", testSet);
    for (const { file, path } of picked) form.append("files", file, path);
    await sendUpload({
      form,
      onUploadProgress: (loaded, total) => {
        setUpload({ loaded, total });
        if (loaded >= total) setPhase("processing");
      },
      onEvent: (event) => {
        if (event.type === "progress") {
          setPhase("processing");
          setProcessing(event);
        } else if (event.type === "report") {
          setChecked(event);
          setModel((current) => current || event.report.guesses.model || "");
          setMethod(event.report.method ?? (method.trim() || event.report.guesses.method || ""));
          setPhase("checked");
        } else {
          setError(event.error);
          setPhase("idle");
        }
      },
    });
  };

  const store = () =>
    startStoring(async () => {
      if (!checked?.uploadId) return;
      const result = await confirmUploadAction({ uploadId: checked.uploadId, model: model.trim(), method: method.trim(), benchmark, note });
      if (!result.ok) {
        setError([result.error, ...Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages?.[0]}`)].join(" "));

        return;
      }
      setStored(result.data);
      setChecked(null);
      setPicked([]);
      setPhase("idle");
      router.refresh();
    });

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="uploader">
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="font-medium">Benchmark</span>
          <select className={INPUT} value={benchmark} onChange={(event) => setBenchmark(event.target.value)} disabled={busy} data-testid="benchmark-select">
            {defaultBenchmark ? null : <option value="">Choose…</option>}
            {benchmarks.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium">Test set</span>
          <select className={INPUT} value={testSet} onChange={(event) => setTestSet(event.target.value)} disabled={busy}>
            <option value="">From the folder or file names</option>
            {sets.map((set) => (
              <option key={set.name} value={set.name}>
                {set.name} ({set.queries} queries)
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium">Method</span>
          <input className={INPUT} value={method} onChange={(event) => setMethod(event.target.value)} placeholder="From the file names, e.g. CoT@1" disabled={busy} list="known-methods" data-testid="method-input" />
          <datalist id="known-methods">
            {[...new Set(["CoT@1", "DFS_woFilter_w2", ...models.map((known) => known.method)])].map((known) => (
              <option key={known} value={known} />
            ))}
          </datalist>
        </label>
      </div>
      <FilePicker
        picked={picked}
        disabled={busy}
        onPick={(files) => {
          setPicked(files);
          setChecked(null);
          setStored(null);
          setError(null);
        }}
      />
      <button type="button" className={PRIMARY} disabled={busy || picked.length === 0 || !benchmark} onClick={check} data-testid="check-button">
        {phase === "uploading" ? "Uploading…" : phase === "processing" ? "Checking…" : "Check files"}
      </button>
      {phase === "uploading" || phase === "processing" ? (
        <div className="space-y-2 text-xs text-slate-600">
          <div>Upload ({(upload.loaded / 1024 / 1024).toFixed(1)} of {(upload.total / 1024 / 1024).toFixed(1)} MB)</div>
          <ProgressBar done={upload.loaded} error={0} total={upload.total} testId="upload-progress" />
          <div>Reading and converting files ({processing.processed} of {processing.total || "…"})</div>
          <ProgressBar done={processing.processed} error={0} total={processing.total} testId="processing-progress" />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="whitespace-pre-line text-sm text-red-600" data-testid="upload-error">
          {error}
        </p>
      ) : null}
      {checked ? <UploadReportView report={checked.report} /> : null}
      {checked?.uploadId ? (
        <div className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-3">
          <label className="block text-sm">
            <span className="font-medium">Model name</span>
            <input className={INPUT} value={model} onChange={(event) => setModel(event.target.value)} required list="known-models" data-testid="model-input" />
            <datalist id="known-models">
              {models.map((known) => (
                <option key={known.name} value={known.name}>
                  {known.method}
                </option>
              ))}
            </datalist>
            <span className="text-xs text-slate-500">An existing model gets a new version; a new name creates the model.</span>
          </label>
          <label className="block text-sm sm:col-span-2">
            <span className="font-medium">Note (optional)</span>
            <input className={INPUT} value={note} onChange={(event) => setNote(event.target.value)} placeholder="What changed in this version" />
          </label>
          <div className="flex items-center gap-3 sm:col-span-3">
            {needsRecheck ? (
              <button type="button" className={PRIMARY} onClick={check} disabled={busy} data-testid="recheck-button">
                Check again with {method.trim()}
              </button>
            ) : (
              <button type="button" className={PRIMARY} onClick={store} disabled={busy || !model.trim() || !method.trim()} data-testid="store-button">
                {storing ? "Storing…" : "Store submission"}
              </button>
            )}
            <span className="text-xs text-slate-500">Stored in one transaction; the same content uploaded again is recognised and not stored twice.</span>
          </div>
        </div>
      ) : null}
      {stored ? (
        <p className="text-sm text-green-700" data-testid="stored-message">
          {stored.deduplicated
            ? `Already stored: ${stored.submission.model} version ${stored.submission.version} has the same content, nothing was written.`
            : `Stored ${stored.submission.model} version ${stored.submission.version}${stored.sets.some((set) => set.status === "unchanged") ? ` (${stored.sets.filter((set) => set.status === "unchanged").map((set) => `${set.testSet} unchanged, same as version ${set.version}`).join("; ")})` : ""}.`}{" "}
          <Link className="text-indigo-600 underline" href={`/models/${encodeURIComponent(stored.submission.model)}`}>
            View it
          </Link>
        </p>
      ) : null}
    </section>
  );
}
