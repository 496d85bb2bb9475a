import { intFlag, parseFlags, requireFlag, UsageError } from "../args";
import type { Command } from "../command";
import { runPreference, type PreferenceSummary } from "../../lib/tooleval/file-runner/preference";
import { JUDGE_FLAGS, JUDGE_USAGE, createCliJudge, judgeEndpoint, progressLogger, testSetsFrom } from "./judge-setup";

const usage = [
  "tooleval preference --converted_answer_path DIR --reference_model REF --output_model CAND --test_ids DIR --save_path DIR",
  "                    [--test_set SET ...] [--evaluate_times 3] [--evaluator DIR] [--max_eval_threads 30] [--overwrite] [--json]",
  "                    [--seed 42] [--skip-task-solvable] [--both-missing candidate|tie]",
  "",
  "Compares CAND against REF per test id and round as ToolEval's eval_preference.py; writes SAVE/SET_REF_CAND.json + .csv",
  "and resumes complete rounds unless --overwrite. Reports wins/ties/losses, winRate = wins/N and (wins + ties/2)/N.",
  "--skip-task-solvable drops ToolEval's check_task_solvable call, whose result is never used (saves cost, same numbers).",
  JUDGE_USAGE,
].join("\n");

const formatText = (summary: PreferenceSummary) => {
  const pct = (value: number) => value.toFixed(1).padStart(5);

  return [
    `win rate of ${summary.candidate} against ${summary.reference}, ${summary.evaluateTimes} evaluation round(s)`,
    ...Object.entries(summary.sets).map(
      ([set, s]) => `  ${set.padEnd(16)} ${pct(s.winRate)}  (+½ ties ${pct(s.winRateHalfTies)})   ${s.wins}/${s.ties}/${s.losses} W/T/L of ${s.n}, ${s.errors} errors`,
    ),
    `  ${"average".padEnd(16)} ${pct(summary.average.winRate)}  (+½ ties ${pct(summary.average.winRateHalfTies)})`,
  ].join("\n");
};

const command: Command = {
  name: "preference",
  summary: "Win rate of a candidate against a reference model (SoWR) from converted answer files",
  usage,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, {
      "converted-answer-path": { type: "string" },
      "reference-model": { type: "string" },
      "output-model": { type: "string" },
      "test-ids": { type: "string" },
      "save-path": { type: "string" },
      "test-set": { type: "string", multiple: true },
      "evaluate-times": { type: "string" },
      "max-eval-threads": { type: "string" },
      overwrite: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      seed: { type: "string" },
      "skip-task-solvable": { type: "boolean", default: false },
      "both-missing": { type: "string" },
      ...JUDGE_FLAGS,
    });
    const log = (line: string) => void process.stderr.write(`${line}\n`);
    if (!judgeEndpoint().configured) throw new UsageError("preference needs a judge: set OPENAI_API_KEY and/or OPENAI_BASE_URL");
    const bothMissing = values["both-missing"];
    if (bothMissing && !["candidate", "tie"].includes(bothMissing)) throw new UsageError("--both-missing must be candidate or tie");
    const { judge, report } = await createCliJudge(values, log);
    const seed = values.seed ?? 42;
    log(`seed: ${seed}`);

    const summary = await runPreference({
      convertedAnswerPath: requireFlag(values["converted-answer-path"], "converted_answer_path"),
      referenceModel: requireFlag(values["reference-model"], "reference_model"),
      candidateModel: requireFlag(values["output-model"], "output_model"),
      testIdsDir: requireFlag(values["test-ids"], "test_ids"),
      savePath: requireFlag(values["save-path"], "save_path"),
      testSets: testSetsFrom(values["test-set"], positionals),
      evaluateTimes: intFlag(values["evaluate-times"], "evaluate_times", 3),
      judge,
      maxInFlight: intFlag(values["max-eval-threads"], "max_eval_threads", 30),
      seed,
      overwrite: values.overwrite,
      protocol: { skipTaskSolvable: values["skip-task-solvable"], bothMissing: bothMissing as "candidate" | "tie" | undefined },
      onProgress: progressLogger(log),
      onError: (error, { set, qid, round }) => log(`error: ${set} query ${qid} round ${round}: ${error.message}`),
    });
    report();
    const { evaluateTimes: _rounds, ...output } = summary;
    process.stdout.write(`${values.json ? JSON.stringify(output) : formatText(summary)}\n`);
    const errors = Object.values(summary.sets).reduce((sum, set) => sum + set.errors, 0);
    if (errors > 0) log(`${errors} round(s) failed; run the same command again to resume them`);

    return errors > 0 ? 1 : 0;
  },
};

export default command;
