import { TEST_SETS } from "../tooleval/types";
import type { PassRateSetResult, PreferenceSetResult } from "../runs/results";

/** One stored set result, as read from a completed run. */
export type BoardEntry = {
  model: string;
  method: string;
  isDemo: boolean;
  testSet: string;
  version: number;
  runId: string;
  finishedAt: Date;
  result: { kind: "pass_rate"; value: PassRateSetResult } | { kind: "preference"; value: PreferenceSetResult };
};

export type BoardCell = {
  value: number;
  std?: number;
  version: number;
  runId: string;
  detail: string;
};

export type BoardRow = {
  model: string;
  method: string;
  isDemo: boolean;
  cells: Partial<Record<string, BoardCell>>;
  /** Unweighted mean over the sets present (StableToolBench's "Average"); `std` is the mean of the set stds. */
  average: { value: number; std?: number; sets: number } | null;
};

const cellOf = (entry: BoardEntry): BoardCell => {
  const { result, version, runId } = entry;
  if (result.kind === "pass_rate") {
    const r = result.value;

    return {
      value: r.passRate,
      std: r.std,
      version,
      runId,
      detail: `${r.answered}/${r.total} answered, ${r.rounds.length} rounds, ${r.unsure} unsure${r.errors ? `, ${r.errors} errors` : ""}`,
    };
  }
  const r = result.value;

  return {
    value: r.winRate,
    version,
    runId,
    detail: `${r.wins} wins, ${r.ties} ties, ${r.losses} losses of ${r.n}; with half ties ${r.winRateHalfTies.toFixed(1)}`,
  };
};

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Builds leaderboard rows: per model, the newest result of each test set (by run finish time), the
 * average over the sets present, sorted by that average (rows without results last).
 */
export const buildBoard = (entries: BoardEntry[]): BoardRow[] => {
  const latest = new Map<string, BoardEntry>();
  for (const entry of entries) {
    const key = `${entry.model}\u0000${entry.testSet}`;
    const current = latest.get(key);
    if (!current || current.finishedAt < entry.finishedAt) latest.set(key, entry);
  }
  const rows = new Map<string, BoardRow>();
  for (const entry of latest.values()) {
    const row = rows.get(entry.model) ?? { model: entry.model, method: entry.method, isDemo: entry.isDemo, cells: {}, average: null };
    row.cells[entry.testSet] = cellOf(entry);
    rows.set(entry.model, row);
  }
  for (const row of rows.values()) {
    const cells = TEST_SETS.map((set) => row.cells[set]).filter((cell): cell is BoardCell => cell !== undefined);
    if (cells.length === 0) continue;
    const stds = cells.map((cell) => cell.std).filter((std): std is number => std !== undefined);
    row.average = {
      value: mean(cells.map((cell) => cell.value)),
      std: stds.length === cells.length ? mean(stds) : undefined,
      sets: cells.length,
    };
  }

  return [...rows.values()].sort((a, b) => (b.average?.value ?? -1) - (a.average?.value ?? -1) || a.model.localeCompare(b.model));
};
