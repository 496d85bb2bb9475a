import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { ProgressBar } from "@/components/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { getSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { PROTOCOL_LABELS } from "@/lib/leaderboard/format";
import { listRuns } from "@/lib/runs/queries";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  const [user, runs] = await Promise.all([getSessionUser(), listRuns()]);
  const active = runs.some((run) => run.status === "QUEUED" || run.status === "RUNNING");

  return (
    <div className="space-y-6">
      <AutoRefresh active={active} />
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Runs</h1>
          <p className="mt-1 text-sm text-slate-600">Judging runs, newest first. Progress updates live while a run is active.</p>
        </div>
        {can(user?.role, "runs:create") ? (
          <Link href="/runs/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500" data-testid="new-run">
            New run
          </Link>
        ) : null}
      </div>
      {runs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">No runs yet.</p>
      ) : (
        <DataTable columns={["Run", "Metric", "Models", "Judge", "Status", { label: "Progress", className: "w-56" }, "Judge calls"]} testId="runs-table">
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row">
              <td className="px-4 py-2">
                <Link href={`/runs/${run.id}`} className="font-medium text-indigo-700 hover:underline">
                  {run.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </Link>
                {run.imported ? <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs text-slate-600">imported</span> : null}
                {run.isDemo ? <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-800">demo</span> : null}
              </td>
              <td className="px-4 py-2">
                {PROTOCOL_LABELS[run.protocol] ?? run.protocol} · {run.testSets.length} set{run.testSets.length === 1 ? "" : "s"} × {run.evaluateTimes}
              </td>
              <td className="px-4 py-2">
                {run.candidate}
                {run.reference ? <span className="text-slate-500"> vs {run.reference}</span> : null}
              </td>
              <td className="px-4 py-2 text-slate-600">{run.judgeName ?? "—"}</td>
              <td className="px-4 py-2">
                <StatusBadge status={run.status} />
                {run.pauseReason ? <div className="text-xs text-amber-700">{run.pauseReason}</div> : null}
              </td>
              <td className="px-4 py-2">
                <ProgressBar done={run.progress.done} error={run.progress.error} total={run.progress.total} />
                <div className="num text-xs text-slate-500">
                  {run.progress.done + run.progress.error}/{run.progress.total} items{run.progress.error ? `, ${run.progress.error} errors` : ""}
                </div>
              </td>
              <td className="num px-4 py-2 text-xs text-slate-600">
                {run.usage.calls.toLocaleString("en")} calls{run.usage.callsPerMinute ? ` (${run.usage.callsPerMinute}/min)` : ""}
                <div>
                  {run.usage.tokens.toLocaleString("en")} tokens · ${run.usage.costUsd.toFixed(4)}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
