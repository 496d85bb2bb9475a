import fs from "node:fs";
import path from "node:path";
import { importQueries } from "../../lib/submissions/import-queries";
import { z } from "zod";
import { benchmarkNameSchema, testSetNameSchema } from "../../lib/submissions/schemas";
import { parseFlags, requireFlag, UsageError } from "../args";
import { withDatabase } from "../database";
import { parseFlagValues } from "../validate";

export const usage = "Usage: tooleval import queries --benchmark NAME --test-set SET FILE [--ids IDS_FILE] [--json]";

const readText = (file: string) => {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`${file}: no such file`);

  return { name: path.basename(file), content: fs.readFileSync(file, "utf8") };
};

export const run = async (argv: string[]) => {
  const { values, positionals } = parseFlags(argv, { benchmark: { type: "string" }, "test-set": { type: "string" }, ids: { type: "string" }, json: { type: "boolean", default: false } });
  if (positionals.length !== 1) throw new UsageError("Give exactly one query file");
  const { benchmark, testSet } = parseFlagValues(z.object({ benchmark: benchmarkNameSchema, testSet: testSetNameSchema }), {
    benchmark: requireFlag(values.benchmark, "benchmark"),
    testSet: requireFlag(values["test-set"], "test-set"),
  });
  const queries = readText(positionals[0]!);
  const ids = values.ids ? readText(values.ids) : undefined;
  let seconds = "";
  const result = await withDatabase(async () => {
    const started = performance.now();
    const imported = await importQueries({ benchmark, testSet, queries, ids });
    seconds = ((performance.now() - started) / 1000).toFixed(2);

    return imported;
  });
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const { total, created, updated, unchanged } = result;
    process.stdout.write(`${benchmark} / ${testSet}: ${total} queries (${created} created, ${updated} updated, ${unchanged} unchanged) in ${seconds} s\n`);
  }

  return 0;
};
