"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import type { RunEstimate } from "@/lib/runs/estimate";
import type { CreateRunInput } from "@/lib/runs/schemas";
import { TEST_SETS } from "@/lib/tooleval/types";
import { createRunAction, estimateRunAction } from "../actions";

type ModelChoice = { name: string; method: string; isDemo: boolean; versions: { version: number; sets: string[] }[]; sets: string[] };
type JudgeChoice = { id: string; name: string; model: string; maxInFlight: number };

const OPTION_LABELS: { key: keyof CreateRunInput["options"]; label: string; applies: string[] }[] = [
  { key: "missingAsZero", label: "Count test ids without an answer as failures (ToolEval leaves them out)", applies: ["sopr", "toolbench", "rules"] },
  { key: "explicitUnsure", label: "Report Unsure passes instead of a coin flip", applies: ["toolbench"] },
  { key: "skipTaskSolvable", label: "Skip check_task_solvable, whose answer ToolEval never uses", applies: ["preference"] },
  { key: "earlyIdentical", label: "Decide identical answers before judging them", applies: ["preference"] },
  { key: "bothMissingTie", label: "Both answers missing: nobody wins (ToolEval: the candidate)", applies: ["preference"] },
];

const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function NewRunForm({ models, judges }: { models: ModelChoice[]; judges: JudgeChoice[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<"pass_rate" | "preference">("pass_rate");
  const [protocol, setProtocol] = useState<"sopr" | "toolbench" | "rules">("sopr");
  const [candidate, setCandidate] = useState(models[0]?.name ?? "");
  const [reference, setReference] = useState(models[1]?.name ?? models[0]?.name ?? "");
  const [testSets, setTestSets] = useState<string[]>([]);
  const [evaluateTimes, setEvaluateTimes] = useState(3);
  const [judgeConfigId, setJudgeConfigId] = useState(judges[0]?.id ?? "");
  const [budget, setBudget] = useState("");
  const [options, setOptions] = useState<CreateRunInput["options"]>({ missingAsZero: false, explicitUnsure: false, skipTaskSolvable: false, earlyIdentical: false, bothMissingTie: false });
  const [estimate, setEstimate] = useState<(RunEstimate & { judge: string | null }) | undefined>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const effectiveProtocol = kind === "preference" ? "preference" : protocol;
  const available = useMemo(() => {
    const sets = new Set(models.find((model) => model.name === candidate)?.sets ?? []);
    if (kind === "preference") {
      const referenceSets = new Set(models.find((model) => model.name === reference)?.sets ?? []);
      for (const set of sets) if (!referenceSets.has(set)) sets.delete(set);
    }

    return TEST_SETS.filter((set) => sets.has(set));
  }, [models, candidate, reference, kind]);
  const chosenSets = testSets.filter((set) => (available as string[]).includes(set));

  const input = (): CreateRunInput => ({
    protocol: effectiveProtocol,
    candidate: { model: candidate },
    reference: kind === "preference" ? { model: reference } : undefined,
    testSets: (chosenSets.length ? chosenSets : available) as CreateRunInput["testSets"],
    evaluateTimes,
    judgeConfigId: effectiveProtocol === "rules" ? undefined : judgeConfigId || undefined,
    seed: 42,
    budgetUsd: budget ? Number(budget) : undefined,
    options,
  });
  const submit = (call: () => Promise<ActionResult<unknown>>, onOk: (data: never) => void) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setError(undefined);
        onOk(result.data as never);
      } else {
        setError([result.error, ...Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages?.[0]}`)].join(" "));
      }
    });

  if (models.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">Upload a model&apos;s answers first.</p>;

  return (
    <div className="grid max-w-3xl gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="new-run-form">
      <div className="flex gap-4 text-sm">
        {(["pass_rate", "preference"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="kind" checked={kind === value} onChange={() => setKind(value)} />
            {value === "pass_rate" ? "Pass rate" : "Win rate against a reference"}
          </label>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-medium">{kind === "preference" ? "Candidate model" : "Model"}</span>
          <select className={FIELD} value={candidate} onChange={(event) => setCandidate(event.target.value)} aria-label="Model">
            {models.map((model) => (
              <option key={model.name} value={model.name}>
                {model.name} ({model.method}, v{model.versions[0]?.version}){model.isDemo ? " · demo" : ""}
              </option>
            ))}
          </select>
        </label>
        {kind === "preference" ? (
          <label className="text-sm">
            <span className="font-medium">Reference model</span>
            <select className={FIELD} value={reference} onChange={(event) => setReference(event.target.value)} aria-label="Reference model">
              {models.map((model) => (
                <option key={model.name} value={model.name}>
                  {model.name} ({model.method})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="text-sm">
            <span className="font-medium">Protocol</span>
            <select className={FIELD} value={protocol} onChange={(event) => setProtocol(event.target.value as typeof protocol)} aria-label="Protocol">
              <option value="sopr">SoPR (StableToolBench)</option>
              <option value="toolbench">ToolBench v1 pass rate</option>
              <option value="rules">Rule-based (no judge)</option>
            </select>
          </label>
        )}
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium">Test sets {chosenSets.length === 0 ? <span className="font-normal text-slate-500">(all available)</span> : null}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {available.length === 0 ? <span className="text-slate-500">No test set has answers from {kind === "preference" ? "both models" : "this model"}.</span> : null}
          {available.map((set) => (
            <label key={set} className="flex items-center gap-1.5">
              <input type="checkbox" checked={chosenSets.includes(set)} onChange={(event) => setTestSets(event.target.checked ? [...testSets, set] : testSets.filter((s) => s !== set))} />
              {set}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="text-sm">
          <span className="font-medium">Judge</span>
          <select className={FIELD} value={judgeConfigId} disabled={effectiveProtocol === "rules"} onChange={(event) => setJudgeConfigId(event.target.value)} aria-label="Judge">
            {judges.length === 0 ? <option value="">No judge configured (admin → judges)</option> : null}
            {judges.map((judge) => (
              <option key={judge.id} value={judge.id}>
                {judge.name} ({judge.model}, {judge.maxInFlight} in flight)
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">Rounds (evaluate times)</span>
          <input className={FIELD} type="number" min={1} max={15} value={evaluateTimes} disabled={effectiveProtocol === "rules"} onChange={(event) => setEvaluateTimes(Number(event.target.value))} />
        </label>
        <label className="text-sm">
          <span className="font-medium">Budget (USD, optional)</span>
          <input className={FIELD} type="number" min={0} step="0.01" value={budget} onChange={(event) => setBudget(event.target.value)} />
        </label>
      </div>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Corrections (off = ToolEval&apos;s behaviour)</legend>
        {OPTION_LABELS.filter((option) => option.applies.includes(effectiveProtocol)).map((option) => (
          <label key={option.key} className="flex items-center gap-2">
            <input type="checkbox" checked={options[option.key]} onChange={(event) => setOptions({ ...options, [option.key]: event.target.checked })} />
            {option.label}
          </label>
        ))}
      </fieldset>
      {estimate ? (
        <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="estimate">
          <strong>{estimate.items.toLocaleString("en")}</strong> items, about <strong>{estimate.calls.expected.toLocaleString("en")}</strong> judge calls (at most{" "}
          {estimate.calls.max.toLocaleString("en")}), {(estimate.promptTokens + estimate.completionTokens).toLocaleString("en")} tokens,{" "}
          {estimate.costUsd === null ? "no price set for this judge" : `about $${estimate.costUsd.toFixed(2)} (at most $${estimate.maxCostUsd!.toFixed(2)})`}. Cached work is free.
          <div className="text-xs text-slate-500">
            Assumes {estimate.assumptions.unsureShare * 100}% first verdicts Unsure, {estimate.assumptions.selectShare * 100}% of comparisons needing the final
            question, {estimate.assumptions.completionTokens} completion tokens per call.
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button type="button" disabled={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-50" onClick={() => submit(() => estimateRunAction(input()), setEstimate)}>
          Estimate cost
        </button>
        <button
          type="button"
          disabled={pending || available.length === 0}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          onClick={() => submit(() => createRunAction(input()), (data: { runId: string }) => router.push(`/runs/${data.runId}`))}
          data-testid="start-run"
        >
          {pending ? "Working…" : "Start run"}
        </button>
      </div>
    </div>
  );
}
