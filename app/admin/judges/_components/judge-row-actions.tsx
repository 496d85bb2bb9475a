"use client";

import { useState, useTransition } from "react";
import { archiveJudgeAction, testJudgeAction } from "../actions";

export function JudgeRowActions({ judgeConfigId }: { judgeConfigId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button
          className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
          disabled={pending}
          data-testid="test-judge"
          onClick={() =>
            startTransition(async () => {
              const result = await testJudgeAction({ judgeConfigId });
              if (!result.ok) setMessage({ ok: false, text: result.error });
              else if (result.data.ok) setMessage({ ok: true, text: `OK: ${result.data.model} answered "${result.data.verdict}" in ${result.data.latencyMs} ms` });
              else setMessage({ ok: false, text: result.data.error });
            })
          }
        >
          {pending ? "Testing…" : "Test connection"}
        </button>
        <button
          className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-600 hover:bg-slate-50 disabled:opacity-50"
          disabled={pending}
          onClick={() => startTransition(async () => void (await archiveJudgeAction({ judgeConfigId })))}
        >
          Archive
        </button>
      </div>
      {message ? (
        <span className={`text-xs ${message.ok ? "text-green-700" : "text-red-600"}`} data-testid="judge-test-result">
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
