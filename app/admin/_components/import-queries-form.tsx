"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import type { ImportQueriesResult } from "@/lib/submissions/import-queries";
import { TEST_SETS } from "@/lib/tooleval/types";
import { importQueriesAction } from "../actions";
import { FormOutcome } from "@/components/form-outcome";

type State = ActionResult<ImportQueriesResult> | null;

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** A ToolBench / StableToolBench query file (and optionally its test ids) into a benchmark's test set. */
export function ImportQueriesForm({ benchmarks }: { benchmarks: string[] }) {
  const [state, formAction, pending] = useActionState<State, FormData>((_previous, form) => importQueriesAction(form), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const error = (name: string) => (errors?.[name] ? <span className="text-xs text-red-600">{errors[name]![0]}</span> : null);

  return (
    <form action={formAction} className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2" data-testid="import-queries-form">
      <label className="block text-sm">
        <span className="font-medium">Benchmark</span>
        <input name="benchmark" list="benchmark-names" required defaultValue={benchmarks[0] ?? "StableToolBench"} className={INPUT} />
        <datalist id="benchmark-names">
          {benchmarks.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {error("benchmark")}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Test set</span>
        <input name="testSet" list="test-set-names" required defaultValue="G1_instruction" className={INPUT} />
        <datalist id="test-set-names">
          {TEST_SETS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {error("testSet")}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Query file</span>
        <input name="queries" type="file" accept=".json" required className="mt-1 block w-full text-sm" />
        <span className="text-xs text-slate-500">e.g. solvable_queries/test_instruction/G1_instruction.json</span>
        {error("queries")}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Test-id file (optional)</span>
        <input name="ids" type="file" accept=".json" className="mt-1 block w-full text-sm" />
        <span className="text-xs text-slate-500">Keeps only these ids, and checks the query file has them all.</span>
        {error("ids")}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <FormOutcome
          pending={pending}
          label="Import queries"
          pendingLabel="Importing…"
          state={state}
          successTestId="import-queries-result"
          success={(data) => `${data.benchmark} / ${data.testSet}: ${data.total} queries (${data.created} created, ${data.updated} updated, ${data.unchanged} unchanged).`}
        />
      </div>
    </form>
  );
}
