"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { importEvaluatorAction } from "../actions";
import { FormOutcome } from "@/components/form-outcome";

type State = ActionResult<{ id: string; name: string }> | null;

export function ImportEvaluatorForm() {
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, form) => importEvaluatorAction(form), null);

  return (
    <form action={formAction} className="flex max-w-4xl flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
      <label className="block">
        <span className="font-medium">Name</span>
        <input name="name" required defaultValue="tooleval_gpt-3.5-turbo_default" className="mt-1 block rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="block">
        <span className="font-medium">config.yaml</span>
        <input name="config" type="file" accept=".yaml,.yml" required className="mt-1 block" />
      </label>
      <label className="block">
        <span className="font-medium">template.txt</span>
        <input name="template" type="file" accept=".txt" required className="mt-1 block" />
      </label>
      <FormOutcome pending={pending} label="Load prompts" pendingLabel="Loading…" state={state} success={(data) => `Loaded ${data.name}.`} />
    </form>
  );
}
