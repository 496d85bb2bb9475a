import { UsageError } from "../args";
import type { Command } from "../command";

const SUBCOMMANDS: Record<string, () => Promise<{ usage: string; run: (argv: string[]) => Promise<number> }>> = {
  queries: async () => import("./import-queries"),
  predictions: async () => import("./import-predictions"),
  results: async () => import("./import-results"),
};

const usage = [
  "Usage: tooleval import queries|predictions|results [flags]",
  "",
  "  tooleval import queries --benchmark NAME --test-set SET FILE [--ids IDS_FILE]",
  "      A ToolBench / StableToolBench query file (and its test-id file) as a test set. Re-importing changes nothing.",
  "  tooleval import predictions --model NAME --method METHOD [--test-set SET] [--benchmark NAME] [--note TEXT] [--dry-run] [--json] PATH",
  "      A model's answers: a converted file, a raw answer folder, a model folder with per-set subfolders, or a zip.",
  "  tooleval import results --model NAME --test-set SET --judge JUDGE_NAME [--benchmark NAME] [--json] FILE",
  "  tooleval import results --reference REF --candidate CAND --test-set SET --judge JUDGE_NAME [--benchmark NAME] [--json] FILE",
  "      ToolEval pass-rate (JSON or TSV, either generation) or preference result files, as an imported run.",
  "",
  "Every import exits non-zero with the reason on stderr when it fails; nothing is stored then.",
].join("\n");

const command: Command = {
  name: "import",
  summary: "Import test queries, a model's answers, or ToolEval result files into the database",
  usage,
  run: async ([name, ...rest]) => {
    const load = name ? SUBCOMMANDS[name] : undefined;
    if (!load) throw new UsageError(name ? `Unknown import "${name}"` : "Say what to import: queries, predictions or results");

    return (await load()).run(rest);
  },
};

export default command;
