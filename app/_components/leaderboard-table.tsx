import type { Board } from "@/lib/leaderboard/boards";
import { formatScore, PROTOCOL_LABELS, SET_LABELS } from "@/lib/leaderboard/format";
import { TEST_SETS } from "@/lib/tooleval/types";

export function LeaderboardTable({ board }: { board: Board }) {
  const isWinRate = board.kind === "preference";

  return (
    <section className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="leaderboard">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-3">
        <h2 className="font-semibold">
          {PROTOCOL_LABELS[board.protocol] ?? board.protocol}
          {board.reference ? <span className="font-normal text-slate-600"> against {board.reference}</span> : null}
        </h2>
        <span className="text-sm text-slate-600">
          {board.benchmark} · judge: {board.judge}
        </span>
        {board.isDemo ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="demo-badge">
            Demo data: made up by the project, not real results
          </span>
        ) : null}
      </header>
      <div className="overflow-x-auto">
        <table className="num w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">#</th>
              <th className="px-4 py-2">Model</th>
              {TEST_SETS.map((set) => (
                <th key={set} className="px-4 py-2 text-right" title={set}>
                  {SET_LABELS[set]}
                </th>
              ))}
              <th className="px-4 py-2 text-right">Average</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {board.rows.map((row, index) => (
              <tr key={row.model} data-testid="leaderboard-row">
                <td className="px-4 py-2 text-slate-500">{index + 1}</td>
                <td className="px-4 py-2">
                  <span className="font-medium">{row.model}</span>{" "}
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{row.method}</span>
                  {row.isDemo ? <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">demo</span> : null}
                </td>
                {TEST_SETS.map((set) => {
                  const cell = row.cells[set];

                  return (
                    <td key={set} className="px-4 py-2 text-right" title={cell ? `${cell.detail} · version ${cell.version} · run ${cell.runId}` : "no result"}>
                      {cell ? formatScore(cell.value, isWinRate ? undefined : cell.std) : <span className="text-slate-300">–</span>}
                    </td>
                  );
                })}
                <td className="px-4 py-2 text-right font-semibold">
                  {row.average ? formatScore(row.average.value, row.average.std) : "–"}
                  {row.average && row.average.sets < TEST_SETS.length ? (
                    <span className="ml-1 text-xs font-normal text-slate-500" title="Average over the sets with results">
                      ({row.average.sets}/{TEST_SETS.length})
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
