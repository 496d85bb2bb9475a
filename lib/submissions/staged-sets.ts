import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { hashCanonical } from "../tooleval/canonical-json";
import type { ConvertedAnswer } from "../tooleval/types";
import type { AnswerOrigin, ReadAnswer } from "./read-answers";

/**
 * Converted answers on their way to the database, one NDJSON file per test set, so an upload of any
 * size needs memory only for one file at a time plus an index of query ids and hashes.
 */

/** One answer as staged: query id, content hash, origin, the converted answer. */
export type StagedLine = { q: string; h: string; o: AnswerOrigin; a: ConvertedAnswer };

export type StagedSet = {
  testSet: string;
  /** NDJSON file name inside the stage folder. */
  file: string;
  /** sha256 of the sorted [query id, answer hash] pairs: equal sets, equal hashes. */
  contentHash: string;
  answers: number;
};

const FLUSH_BYTES = 4 * 1024 * 1024;

/** The content hash of a set from its answers' hashes, independent of file order and layout. */
export const setContentHash = (hashes: ReadonlyMap<string, string>) =>
  hashCanonical([...hashes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export const createSetWriter = (dir: string) => {
  const sets = new Map<string, { file: string; hashes: Map<string, string>; pending: string[]; bytes: number }>();
  const flush = async (set: { file: string; pending: string[]; bytes: number }) => {
    if (set.pending.length === 0) return;
    await fs.promises.appendFile(path.join(dir, set.file), set.pending.join(""));
    set.pending = [];
    set.bytes = 0;
  };

  return {
    add: async (testSet: string, { queryId, answer, origin }: ReadAnswer) => {
      let set = sets.get(testSet);
      if (!set) {
        set = { file: `set-${sets.size}.ndjson`, hashes: new Map(), pending: [], bytes: 0 };
        sets.set(testSet, set);
      }
      const hash = hashCanonical(answer);
      set.hashes.set(queryId, hash);
      const line = `${JSON.stringify({ q: queryId, h: hash, o: origin, a: answer } satisfies StagedLine)}\n`;
      set.pending.push(line);
      set.bytes += line.length;
      if (set.bytes > FLUSH_BYTES) await flush(set);
    },
    finish: async (): Promise<StagedSet[]> => {
      for (const set of sets.values()) await flush(set);

      return [...sets.entries()].map(([testSet, set]) => ({ testSet, file: set.file, contentHash: setContentHash(set.hashes), answers: set.hashes.size }));
    },
  };
};

/** Reads a staged set back in batches (for inserting them a batch at a time). */
export async function* readStagedSet({ dir, set, batchSize = 200 }: { dir: string; set: StagedSet; batchSize?: number }): AsyncGenerator<StagedLine[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(dir, set.file), "utf8"), crlfDelay: Infinity });
  let batch: StagedLine[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as StagedLine);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
