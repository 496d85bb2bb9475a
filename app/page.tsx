import Link from "next/link";
import { getBoards } from "@/lib/leaderboard/queries";
import { PROTOCOL_LABELS } from "@/lib/leaderboard/format";
import { LeaderboardTable } from "./_components/leaderboard-table";

export const dynamic = "force-dynamic";

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<{ board?: string }> }) {
  const { board: selected } = await searchParams;
  const boards = await getBoards();
  const board = boards.find((candidate) => candidate.id === selected) ?? boards[0];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Leaderboard</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Pass rate and win rate of tool-using agents on the six ToolBench test groups, judged by an LLM as in ToolEval /
          StableToolEval. Scores are means over evaluation rounds; ± is the population standard deviation across rounds.
        </p>
      </div>
      {boards.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600" data-testid="leaderboard-empty">
          No results yet. <Link className="text-indigo-600 underline" href="/upload">Upload model outputs</Link> and start a judging run.
        </div>
      ) : (
        <>
          <nav className="flex flex-wrap gap-2" aria-label="Boards">
            {boards.map((candidate) => (
              <Link
                key={candidate.id}
                href={`/?board=${encodeURIComponent(candidate.id)}`}
                className={`rounded-full border px-3 py-1 text-sm ${candidate.id === board?.id ? "border-indigo-600 bg-indigo-50 text-indigo-700" : "border-slate-300 bg-white text-slate-700 hover:border-slate-400"}`}
              >
                {candidate.benchmark} · {PROTOCOL_LABELS[candidate.protocol] ?? candidate.protocol}
                {candidate.reference ? ` vs ${candidate.reference}` : ""} · {candidate.judge}
                {candidate.isDemo ? " · demo" : ""}
              </Link>
            ))}
          </nav>
          {board ? <LeaderboardTable board={board} /> : null}
        </>
      )}
    </div>
  );
}
