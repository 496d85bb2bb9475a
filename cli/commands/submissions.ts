import { submissionsListing } from "../../lib/submissions/queries";
import { parseFlags, UsageError } from "../args";
import type { Command } from "../command";
import { withDatabase } from "../database";

const usage = [
  "Usage: tooleval submissions [--json]",
  "",
  "Lists the stored models with their versions (answers and unknown query ids per test set) and the",
  "benchmarks with their test sets' query counts.",
].join("\n");

const command: Command = {
  name: "submissions",
  summary: "List stored models, versions and benchmarks",
  usage,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { json: { type: "boolean", default: false } });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    const listing = await withDatabase(submissionsListing);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);

      return 0;
    }
    const sets = (entries: Record<string, Record<string, number>>) =>
      Object.entries(entries).map(([set, counts]) => `${set} ${Object.entries(counts).map(([key, value]) => `${value} ${key}`).join(", ")}`).join("; ");
    const lines = [
      "Models:",
      ...(listing.models.length === 0 ? ["  (none)"] : []),
      ...listing.models.flatMap((model) => [`  ${model.name} (${model.method})`, ...model.versions.map((version) => `    v${version.version}: ${sets(version.sets)}`)]),
      "Benchmarks:",
      ...(listing.benchmarks.length === 0 ? ["  (none)"] : []),
      ...listing.benchmarks.map((benchmark) => `  ${benchmark.name}: ${sets(benchmark.sets)}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);

    return 0;
  },
};

export default command;
