import fs from "node:fs";
import path from "node:path";
import { formatScore } from "../../lib/leaderboard/format";
import type { PassRateSetResult, PreferenceSetResult } from "../../lib/runs/results";
import { importPassRateResults, importPreferenceResults } from "../../lib/submissions/import-results";
import { parseFlags, requireFlag, UsageError } from "../args";
import { withDatabase } from "../database";

export const usage = [
  "Usage: tooleval import results --model NAME --test-set SET --judge JUDGE_NAME [--benchmark NAME] [--json] FILE",
  "       tooleval import results --reference REF --candidate CAND --test-set SET --judge JUDGE_NAME [--benchmark NAME] [--json] FILE",
].join("\n");

const OPTIONS = {
  model: { type: "string" },
  reference: { type: "string" },
  candidate: { type: "string" },
  "test-set": { type: "string" },
  judge: { type: "string" },
  benchmark: { type: "string" },
  json: { type: "boolean", default: false },
} as const;

export const run = async (argv: string[]) => {
  const { values, positionals } = parseFlags(argv, OPTIONS);
  if (positionals.length !== 1) throw new UsageError("Give exactly one result file");
  const testSet = requireFlag(values["test-set"], "test-set");
  const judgeName = requireFlag(values.judge, "judge");
  const target = positionals[0]!;
  if (!fs.statSync(target, { throwIfNoEntry: false })?.isFile()) throw new Error(`${target}: no such file`);
  const file = { name: path.basename(target), content: fs.readFileSync(target, "utf8") };
  const { benchmark } = values;
  if (values.model && (values.reference || values.candidate)) throw new UsageError("Give --model (pass rate) or --reference and --candidate (preference), not both");

  if (values.model) {
    const model = values.model;
    const imported = await withDatabase(() => importPassRateResults({ model, testSet, judgeName, file, benchmark }));
    const result = imported.result as PassRateSetResult;
    if (values.json) process.stdout.write(`${JSON.stringify(imported)}\n`);
    else process.stdout.write(`${imported.deduplicated ? "already imported as" : "imported"} run ${imported.runId}: ${imported.protocol} pass rate of ${model} (version ${imported.version}) on ${testSet} = ${formatScore(result.passRate, result.std)} over ${imported.evaluateTimes} round(s), judge "${judgeName}"\n`);

    return 0;
  }
  if (!values.reference || !values.candidate) throw new UsageError("Give --model NAME for a pass-rate file, or --reference REF --candidate CAND for a preference file");
  const [reference, candidate] = [values.reference, values.candidate];
  const imported = await withDatabase(() => importPreferenceResults({ reference, candidate, testSet, judgeName, file, benchmark }));
  const result = imported.result as PreferenceSetResult;
  if (values.json) process.stdout.write(`${JSON.stringify(imported)}\n`);
  else process.stdout.write(`${imported.deduplicated ? "already imported as" : "imported"} run ${imported.runId}: win rate of ${candidate} against ${reference} on ${testSet} = ${formatScore(result.winRate)} (${result.wins} wins, ${result.ties} ties, ${result.losses} losses of ${result.n}), judge "${judgeName}"\n`);

  return 0;
};
