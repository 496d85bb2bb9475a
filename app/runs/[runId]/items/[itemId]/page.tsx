import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getItemTrace } from "@/lib/runs/queries";

export const metadata: Metadata = { title: "Judgment" };

type Detail = { trace?: { stage: string; fn?: string; shortcut?: string; verdict: string; reason?: string }[]; order?: string[]; worker?: string };

export default async function ItemPage({ params }: { params: Promise<{ runId: string; itemId: string }> }) {
  const { runId, itemId } = await params;
  const item = await getItemTrace(itemId);
  if (!item) notFound();
  const detail = (item.detail ?? {}) as Detail;

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/runs/${runId}`} className="text-sm text-indigo-700 hover:underline">
          ← Run
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          Query {item.queryId}, round {item.round}
        </h1>
        <p className="text-sm text-slate-600">
          {item.status.toLowerCase()}
          {item.outcome ? ` · outcome ${item.outcome}` : ""}
          {detail.order?.length ? ` · shown to the judge as Answer_0 = ${detail.order[0]}, Answer_1 = ${detail.order[1]}` : ""}
        </p>
        {item.error ? <p className="mt-1 text-sm text-red-700">{item.error}</p> : null}
      </div>
      <ol className="space-y-3" data-testid="judgments">
        {item.judgments.map((judgment) => (
          <li key={judgment.stage} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-mono text-xs text-slate-500">{judgment.stage}</span>
              <span className="font-medium">{judgment.fn ?? "rule (no judge call)"}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{judgment.verdict ?? "—"}</span>
              {judgment.fn ? (
                <span className="num text-xs text-slate-500">
                  {judgment.cachedFromId ? "from cache" : `${judgment.latencyMs} ms, ${judgment.attempts} attempt${judgment.attempts === 1 ? "" : "s"}, ${judgment.promptTokens}+${judgment.completionTokens} tokens`}
                </span>
              ) : null}
            </div>
            {judgment.reason ? <p className="mt-2 whitespace-pre-wrap text-slate-700">{judgment.reason}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
