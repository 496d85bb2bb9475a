import { openPathSource } from "../../lib/submissions/entries";
import { uploadLimits } from "../../lib/submissions/limits";
import { submitUpload } from "../../lib/submissions/process-upload";
import { summarizeReport } from "../../lib/submissions/report";
import { uploadFieldsSchema } from "../../lib/submissions/schemas";
import { createUploadDir, removeUploadDir } from "../../lib/submissions/stage";
import { parseFlags, requireFlag, UsageError } from "../args";
import { withDatabase } from "../database";
import { parseFlagValues } from "../validate";

export const usage = "Usage: tooleval import predictions --model NAME --method METHOD [--test-set SET] [--benchmark NAME] [--note TEXT] [--dry-run] [--json] PATH";

const OPTIONS = {
  model: { type: "string" },
  method: { type: "string" },
  "test-set": { type: "string" },
  benchmark: { type: "string" },
  note: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

const log = (line: string) => void process.stderr.write(`${line}\n`);

export const run = async (argv: string[]) => {
  const { values, positionals } = parseFlags(argv, OPTIONS);
  if (positionals.length !== 1) throw new UsageError("Give exactly one PATH (converted file, answer folder, model folder or zip)");
  const fields = parseFlagValues(uploadFieldsSchema, {
    model: requireFlag(values.model, "model"),
    method: requireFlag(values.method, "method"),
    testSet: values["test-set"],
    benchmark: values.benchmark,
    note: values.note,
    dryRun: values["dry-run"],
  });

  return withDatabase(async () => {
    const source = await openPathSource({ target: positionals[0]!, limits: uploadLimits() });
    const { dir } = await createUploadDir();
    try {
      const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rchecked ${done}/${total} files`) : undefined;
      const { checked, stored } = await submitUpload({ source, fields, dir, origin: "cli", userId: null, onProgress: progress });
      if (progress) process.stderr.write("\n");
      if (values.json) process.stdout.write(`${JSON.stringify({ ...stored, report: checked.report })}\n`);
      summarizeReport(checked.report).forEach(log);
      if (!checked.report.ok) {
        log(`nothing stored: ${checked.report.failureCount} problem${checked.report.failureCount === 1 ? "" : "s"} (against the benchmark ${checked.benchmark.name})`);

        return 1;
      }
      if (!stored) log("dry run: nothing stored");
      else if (stored.deduplicated) log(`already stored: ${stored.submission.model} version ${stored.submission.version} has the same content (nothing written)`);
      else log(`stored ${stored.submission.model} version ${stored.submission.version} (${stored.sets.map((set) => `${set.testSet} ${set.status === "stored" ? `${set.answers} answers` : `unchanged, same as version ${set.version}`}`).join("; ")})`);

      return 0;
    } finally {
      await source.close();
      await removeUploadDir(dir);
    }
  });
};
