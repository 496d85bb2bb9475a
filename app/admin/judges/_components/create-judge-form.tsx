"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { createJudgeAction } from "../actions";
import { FormOutcome } from "@/components/form-outcome";

type State = ActionResult<{ id: string; name: string }> | null;
const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

export function CreateJudgeForm({ evaluators }: { evaluators: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, form) => createJudgeAction(form), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input name={name} className={FIELD} {...props} />
      {errors?.[name] ? <span className="text-xs text-red-600">{errors[name]![0]}</span> : null}
    </label>
  );

  return (
    <form action={formAction} className="grid max-w-4xl gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-3" data-testid="create-judge-form">
      {field("name", "Name", { required: true, placeholder: "gpt-4o judge" })}
      {field("baseUrl", "Base URL", { placeholder: "empty: the server's OPENAI_BASE_URL" })}
      {field("model", "Model", { required: true, placeholder: "gpt-4-turbo-2024-04-09" })}
      {field("temperature", "Temperature", { type: "number", step: "0.1", defaultValue: "0.2" })}
      {field("maxTokens", "Max tokens", { type: "number", defaultValue: "1000" })}
      {field("timeoutMs", "Timeout (ms)", { type: "number", defaultValue: "60000" })}
      {field("maxInFlight", "Calls in flight (all workers)", { type: "number", defaultValue: "16" })}
      {field("apiKey", "API key (stored encrypted)", { type: "password", autoComplete: "off" })}
      {field("apiKeyEnv", "…or env variable with the key", { placeholder: "OPENAI_API_KEY" })}
      {field("inputPricePerMTok", "USD per 1M prompt tokens", { type: "number", step: "0.01" })}
      {field("outputPricePerMTok", "USD per 1M completion tokens", { type: "number", step: "0.01" })}
      <label className="block text-sm">
        <span className="font-medium">API style</span>
        <select name="apiStyle" className={FIELD} defaultValue="tools">
          <option value="tools">tools + tool_choice</option>
          <option value="functions">functions + function_call (legacy)</option>
        </select>
      </label>
      <label className="block text-sm sm:col-span-2">
        <span className="font-medium">Prompts</span>
        <select name="evaluatorId" className={FIELD}>
          {evaluators.map((evaluator) => (
            <option key={evaluator.id} value={evaluator.id}>
              {evaluator.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <FormOutcome pending={pending} label="Add judge" pendingLabel="Saving…" state={state} success={(data) => `Added ${data.name}.`} />
      </div>
    </form>
  );
}
