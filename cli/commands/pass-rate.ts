import { intFlag, parseFlags, requireFlag, UsageError } from "../args";
import type { Command } from "../command";
import { runPassRate, type PassRateProtocol, type PassRateSummary } from "../../lib/tooleval/file-runner/pass-rate";
import { JUDGE_FLAGS, JUDGE_USAGE, createCliJudge, judgeEndpoint, progressLogger, testSetsFrom } from "./judge-setup";

const usage = [
  "tooleval pass-rate --converted_answer_path DIR --reference_model MODEL --test_ids DIR --save_path DIR",
  "                   [--test_set SET ...] [--evaluate_times 3] [--protocol sopr|toolbench|rules] [--evaluator DIR]",
  "                   [--max_eval_threads 30] [--overwrite] [--json] [--seed 42] [--denominator answered|test-set]",
  "                   [--unsure coin|explicit]",
  "",
  "Reads DIR/MODEL/SET.json and TEST_IDS/SET.json; writes SAVE/SET_MODEL.json + .csv in ToolEval's format",
  "(StableToolBench for sopr and rules, ToolBench v1 for toolbench) and resumes them unless --overwrite.",
  "Default --test_set: every set with a converted file. Default protocol: sopr, or rules when no judge is configured.",
  JUDGE_USAGE,
].join("\n");

const PROTOCOLS: PassRateProtocol[] = ["sopr", "toolbench", "rules"];

const formatText = (summary: PassRateSummary) => {
  const row = (name: string, rate: number, std: number, extra = "") => `  ${name.padEnd(16)} ${rate.toFixed(1).padStart(5)} ± ${std.toFixed(1)}${extra}`;

  return [
    `pass rate (${summary.protocol}) of ${summary.model}, ${summary.evaluateTimes} evaluation round(s)`,
    ...Object.entries(summary.sets).map(([set, s]) => row(set, s.passRate, s.std, `   ${s.answered}/${s.total} answered, ${s.unsure} unsure, ${s.errors} errors`)),
    row("average", summary.average.passRate, summary.average.std),
  ].join("\n");
};

const command: Command = {
  name: "pass-rate",
  summary: "Pass rate of a model (SoPR, ToolBench v1 or rule-based) from converted answer files",
  usage,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, {
      "converted-answer-path": { type: "string" },
      "reference-model": { type: "string" },
      "test-ids": { type: "string" },
      "save-path": { type: "string" },
      "test-set": { type: "string", multiple: true },
      "evaluate-times": { type: "string" },
      protocol: { type: "string" },
      "max-eval-threads": { type: "string" },
      overwrite: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      seed: { type: "string" },
      denominator: { type: "string" },
      unsure: { type: "string" },
      ...JUDGE_FLAGS,
    });
    const log = (line: string) => void process.stderr.write(`${line}\n`);
    const configured = judgeEndpoint().configured;
    const protocol = (values.protocol ?? (configured ? "sopr" : "rules")) as PassRateProtocol;
    if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(", ")}`);
    if (!values.protocol && !configured) log("note: no judge configured (OPENAI_API_KEY / OPENAI_BASE_URL unset): using the rule-based protocol");
    if (protocol !== "rules" && !configured) throw new UsageError(`--protocol ${protocol} needs a judge: set OPENAI_API_KEY and/or OPENAI_BASE_URL`);
    if (values.denominator && !["answered", "test-set"].includes(values.denominator)) throw new UsageError("--denominator must be answered or test-set");
    if (values.unsure && !["coin", "explicit"].includes(values.unsure)) throw new UsageError("--unsure must be coin or explicit");
    const cliJudge = protocol === "rules" ? undefined : await createCliJudge(values, log);
    const seed = values.seed ?? 42;
    log(`seed: ${seed}`);

    const summary = await runPassRate({
      convertedAnswerPath: requireFlag(values["converted-answer-path"], "converted_answer_path"),
      model: requireFlag(values["reference-model"], "reference_model"),
      testIdsDir: requireFlag(values["test-ids"], "test_ids"),
      savePath: requireFlag(values["save-path"], "save_path"),
      testSets: testSetsFrom(values["test-set"], positionals),
      evaluateTimes: intFlag(values["evaluate-times"], "evaluate_times", 3),
      protocol,
      judge: cliJudge?.judge,
      maxInFlight: intFlag(values["max-eval-threads"], "max_eval_threads", 30),
      seed,
      overwrite: values.overwrite,
      denominator: values.denominator as "answered" | "test-set" | undefined,
      unsure: values.unsure as "coin" | "explicit" | undefined,
      onProgress: progressLogger(log),
      onError: (error, { set, qid, round }) => log(`error: ${set} query ${qid} round ${round}: ${error.message}`),
    });
    cliJudge?.report();
    process.stdout.write(`${values.json ? JSON.stringify(summary) : formatText(summary)}\n`);
    const errors = Object.values(summary.sets).reduce((sum, set) => sum + set.errors, 0);
    if (errors > 0) log(`${errors} round(s) failed; run the same command again to resume them`);

    return errors > 0 ? 1 : 0;
  },
};

export default command;
