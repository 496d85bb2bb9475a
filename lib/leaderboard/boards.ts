import { buildBoard, type BoardEntry, type BoardRow } from "./board";

/** Results are only comparable within one benchmark, metric, protocol, judge and reference model. */
export type BoardKey = {
  benchmark: string;
  kind: "pass_rate" | "preference";
  protocol: string;
  judge: string;
  reference: string | null;
};

export type Board = BoardKey & { id: string; isDemo: boolean; rows: BoardRow[] };

export type KeyedEntry = BoardEntry & { key: BoardKey; benchmarkIsDemo: boolean };

export const boardId = (key: BoardKey) =>
  [key.benchmark, key.kind, key.protocol, key.judge, key.reference ?? ""].map(encodeURIComponent).join("~");

/** The order of metrics on the page: StableToolBench's SoPR first, the judge-free rules last. */
const PROTOCOL_ORDER = ["sopr", "toolbench", "preference", "rules"];
const rank = (protocol: string) => (PROTOCOL_ORDER.indexOf(protocol) + 1 || PROTOCOL_ORDER.length + 1);

/** Groups entries into boards: real before demo, then by benchmark, metric (SoPR first) and judge. */
export const groupBoards = (entries: KeyedEntry[]): Board[] => {
  const groups = new Map<string, { key: BoardKey; isDemo: boolean; entries: BoardEntry[] }>();
  for (const entry of entries) {
    const id = boardId(entry.key);
    const group = groups.get(id) ?? { key: entry.key, isDemo: entry.benchmarkIsDemo, entries: [] };
    group.entries.push(entry);
    groups.set(id, group);
  }

  return [...groups.entries()]
    .map(([id, group]) => ({ ...group.key, id, isDemo: group.isDemo, rows: buildBoard(group.entries) }))
    .sort(
      (a, b) =>
        Number(a.isDemo) - Number(b.isDemo) ||
        a.benchmark.localeCompare(b.benchmark) ||
        rank(a.protocol) - rank(b.protocol) ||
        a.judge.localeCompare(b.judge),
    );
};
