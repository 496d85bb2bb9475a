import fs from "node:fs";
import path from "node:path";
import { DEFAULT_CONVERT_SEED } from "../../lib/tooleval/convert/convert";
import { convertAnswerDir } from "../../lib/tooleval/convert/convert-dir";
import { UsageError, intFlag, parseFlags, requireFlag } from "../args";
import type { Command } from "../command";

const OPTIONS = {
  "answer-dir": { type: "string" },
  method: { type: "string" },
  output: { type: "string" },
  seed: { type: "string" },
} as const;

const usage = [
  "Usage: tooleval convert --answer_dir DIR --method METHOD --output FILE [--seed 42]",
  "",
  "Converts the raw answers of one model and test set ({query_id}_{method}.json files) into ToolEval's",
  "converted-answer file, as ToolEval's convert_to_answer_format.py does.",
  "",
  "  --answer-dir DIR   folder of raw answer files; files whose name contains METHOD are converted",
  "  --method METHOD    e.g. CoT@1 or DFS_woFilter_w2 (stored in each answer; CoT/DFS decides how",
  "                     answers without a final answer are read)",
  "  --output FILE      converted file to write, e.g. converted/my_model/G1_instruction.json",
  `  --seed N           seed of the random try/branch picked for invalid answers (default ${DEFAULT_CONVERT_SEED})`,
].join("\n");

const command: Command = {
  name: "convert",
  summary: "Convert raw ToolBench answers",
  usage,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    const dir = requireFlag(values["answer-dir"], "answer_dir");
    const method = requireFlag(values.method, "method");
    const output = requireFlag(values.output, "output");
    const seed = intFlag(values.seed, "seed", DEFAULT_CONVERT_SEED, 0);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`answer directory not found: ${dir}`);

    const converted = convertAnswerDir({ dir, method, seed });
    const count = Object.keys(converted).length;
    // ToolEval would write an empty file here; a method that matches nothing is almost always a typo.
    if (count === 0) throw new Error(`no .json file in ${dir} has "${method}" in its name`);
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, JSON.stringify(converted, null, 2));
    process.stderr.write(`Converted ${count} answer${count === 1 ? "" : "s"} to ${output}\n`);

    return 0;
  },
};

export default command;
