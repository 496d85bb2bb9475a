/**
 * `npm run bench`: every benchmark, one after the other, each printing what it measured.
 * Run one alone with `node --import tsx bench/<name>.ts --help`-style flags (see each file's header).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHMARKS = [
  { file: "judge-throughput.ts", args: [] as string[] },
  { file: "upload-memory.ts", args: [] as string[] },
];

const only = process.argv[2];
let failed = false;
for (const { file, args } of BENCHMARKS) {
  if (only && !file.startsWith(only)) continue;
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, file), ...args], { stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
