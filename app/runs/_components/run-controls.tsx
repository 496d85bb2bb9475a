"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { cancelRunAction, resumeRunAction, retryFailedAction, retryItemAction } from "../actions";

const useRunAction = () => {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await call();
      setError(result.ok ? undefined : result.error);
    });

  return { pending, error, run };
};

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";

export function RunControls({ runId, status, failed }: { runId: string; status: string; failed: number }) {
  const { pending, error, run } = useRunAction();

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        {["QUEUED", "RUNNING", "PAUSED"].includes(status) ? (
          <button className={BUTTON} disabled={pending} onClick={() => run(() => cancelRunAction({ runId }))} data-testid="cancel-run">
            Cancel
          </button>
        ) : null}
        {["CANCELLED", "PAUSED", "FAILED"].includes(status) ? (
          <button className={BUTTON} disabled={pending} onClick={() => run(() => resumeRunAction({ runId }))} data-testid="resume-run">
            Resume
          </button>
        ) : null}
        {failed > 0 && status !== "RUNNING" ? (
          <button className={BUTTON} disabled={pending} onClick={() => run(() => retryFailedAction({ runId }))}>
            Retry {failed} failed
          </button>
        ) : null}
      </div>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </div>
  );
}

export function RetryItemButton({ runId, itemId }: { runId: string; itemId: string }) {
  const { pending, error, run } = useRunAction();

  return (
    <span className="flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <button className={BUTTON} disabled={pending} onClick={() => run(() => retryItemAction({ runId, itemId }))}>
        Retry
      </button>
    </span>
  );
}
