import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { ProgressBar } from "@/components/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { can } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { formatScore, PROTOCOL_LABELS } from "@/lib/leaderboard/format";
import { getRunDetail } from "@/lib/runs/queries";
import { passRateSetResultSchema, preferenceSetResultSchema } from "@/lib/runs/results";
import { RetryItemButton, RunControls } from "../_components/run-controls";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Run" };

const Stat = ({ label, value, testId }: { label: string; value: string | number; testId?: string }) => (
  <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
    <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
    <div className="num text-lg font-semibold" data-testid={testId}>
      {value}
    </div>
  </div>
);

const ResultCell = ({ kind, result }: { kind: string; result: unknown }) => {
  if (kind === "preference") {
    const parsed = preferenceSetResultSchema.safeParse(result);
    if (!parsed.success) return <span className="text-slate-400">—</span>;
    const r = parsed.data;

    return (
      <span>
        {formatScore(r.winRate)} <span className="text-xs text-slate-500">({r.wins}W / {r.ties}T / {r.losses}L of {r.n}; half ties {r.winRateHalfTies.toFixed(1)})</span>
      </span>
    );
  }
  const parsed = passRateSetResultSchema.safeParse(result);
  if (!parsed.success) return <span className="text-slate-400">—</span>;
  const r = parsed.data;

  return (
    <span>
      {formatScore(r.passRate, r.std)}{" "}
      <span className="text-xs text-slate-500">
        ({r.answered}/{r.total} answered, {r.unsure} unsure{r.errors ? `, ${r.errors} errors` : ""}; rounds {r.rounds.map((v) => v.toFixed(1)).join(" / ")})
      </span>
    </span>
  );
};

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const [user, run] = await Promise.all([getSessionUser(), getRunDetail(runId)]);
  if (!run) notFound();
  const active = run.status === "QUEUED" || run.status === "RUNNING";
  const mayControl = can(user?.role, "runs:control");

  return (
    <div className="space-y-6">
      <AutoRefresh active={active} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/runs" className="text-sm text-indigo-700 hover:underline">
            ← Runs
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">
            {PROTOCOL_LABELS[run.protocol] ?? run.protocol} <StatusBadge status={run.status} />
          </h1>
          <p className="text-sm text-slate-600">
            Judge {run.judgeName ?? "—"} · {run.evaluateTimes} round{run.evaluateTimes === 1 ? "" : "s"} · seed {run.seed}
            {run.imported ? " · imported results" : ""}
            {run.createdBy ? ` · started by ${run.createdBy.email}` : ""}
            {run.budgetUsd ? ` · budget $${run.budgetUsd}` : ""}
          </p>
          {run.pauseReason ? <p className="mt-1 text-sm text-amber-700" data-testid="pause-reason">Paused: {run.pauseReason}</p> : null}
        </div>
        {mayControl && !run.imported ? <RunControls runId={run.id} status={run.status} failed={run.progress.error} /> : null}
      </div>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Items done" value={`${run.progress.done + run.progress.error} / ${run.progress.total}`} testId="items-done" />
        <Stat label="Errors" value={run.progress.error} testId="errors" />
        <Stat label="Judge calls" value={run.totals.judgeCalls} testId="judge-calls" />
        <Stat label="Cache hits" value={run.totals.cacheHits} testId="cache-hits" />
        <Stat label="Calls / min" value={run.callsPerMinute} />
        <Stat label="Tokens · cost" value={`${(run.totals.promptTokens + run.totals.completionTokens).toLocaleString("en")} · $${run.totals.costUsd.toFixed(4)}`} />
      </div>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Test sets</h2>
        <ProgressBar done={run.progress.done} error={run.progress.error} total={run.progress.total} testId="run-progress" />
        <DataTable columns={["Set", "Answers", { label: "Progress", className: "w-48" }, "Result"]} testId="run-sets">
          {run.sets.map((set) => (
            <tr key={set.id}>
              <td className="px-4 py-2 font-medium">
                <Link className="text-indigo-700 hover:underline" href={`/runs/${run.id}/items?set=${set.testSet.name}`}>
                  {set.testSet.name}
                </Link>
              </td>
              <td className="px-4 py-2">
                {set.submissionSet.submission.model.name} v{set.submissionSet.submission.version}
                {set.referenceSubmissionSet ? (
                  <span className="text-slate-500">
                    {" "}
                    vs {set.referenceSubmissionSet.submission.model.name} v{set.referenceSubmissionSet.submission.version}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-2">
                <ProgressBar done={set.progress.done} error={set.progress.error} total={set.progress.total} />
              </td>
              <td className="px-4 py-2" data-testid={`result-${set.testSet.name}`}>
                <ResultCell kind={run.kind} result={set.result} />
                {set.partial && set.result ? <span className="ml-1 text-xs text-amber-700">(partial)</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      {run.errors.length > 0 ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Failed judgments</h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-red-200 bg-white text-sm" data-testid="failed-items">
            {run.errors.map((item) => (
              <li key={item.id} className="flex items-start justify-between gap-4 px-4 py-2">
                <div>
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/runs/${run.id}/items/${item.id}`}>
                    {item.runSet.testSet.name} · query {item.queryId} · round {item.round}
                  </Link>
                  <div className="text-red-700">{item.error}</div>
                </div>
                {mayControl ? <RetryItemButton runId={run.id} itemId={item.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
