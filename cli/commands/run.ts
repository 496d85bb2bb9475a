import { intFlag, parseFlags, UsageError } from "../args";
import type { Command } from "../command";
import { openDatabase } from "../../lib/db/database";
import { db } from "../../lib/db/client";
import { getEnv } from "../../lib/env";
import { ensureEnvironmentJudge } from "../../lib/judges/judges";
import { resumeRun } from "../../lib/runs/control";
import { createRun, findResumableRun } from "../../lib/runs/create-run";
import { runWorker } from "../../lib/runs/execute/run-worker";
import { createRunSchema, type CreateRunInput } from "../../lib/runs/schemas";
import { passRateSetResultSchema, preferenceSetResultSchema } from "../../lib/runs/results";
import { averagePassRate, averagePreference } from "../../lib/tooleval/protocols/set-summary";
import { TEST_SETS } from "../../lib/tooleval/types";

const usage = [
  "tooleval run pass-rate --model NAME [--version V] [--test-set SET ...] [--protocol sopr|toolbench|rules]",
  "                       [--evaluate-times 3] [--judge NAME] [--max-in-flight N] [--budget USD] [--seed 42] [--wait] [--json]",
  "tooleval run preference --reference REF --candidate CAND [--reference-version V] [--candidate-version V] [...]",
  "",
  "Database mode: records a run of the stored answers, enqueues it, and with --wait works on it in this",
  "process (other workers may help) until it completes, then prints the same summary as the file-mode",
  "commands (--json: one JSON object). Running the same command again continues an unfinished run.",
  "Without --judge the judge comes from the environment (OPENAI_BASE_URL, OPENAI_API_KEY, EVAL_MODEL)",
  "with the project's default prompts; with no judge configured the default protocol is rules.",
  "Corrections: --missing-as-zero --explicit-unsure --skip-task-solvable --early-identical --both-missing-tie",
].join("\n");

const FLAGS = {
  model: { type: "string" },
  version: { type: "string" },
  reference: { type: "string" },
  candidate: { type: "string" },
  "reference-version": { type: "string" },
  "candidate-version": { type: "string" },
  "test-set": { type: "string", multiple: true },
  protocol: { type: "string" },
  "evaluate-times": { type: "string" },
  judge: { type: "string" },
  "max-in-flight": { type: "string" },
  budget: { type: "string" },
  seed: { type: "string" },
  wait: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  "missing-as-zero": { type: "boolean", default: false },
  "explicit-unsure": { type: "boolean", default: false },
  "skip-task-solvable": { type: "boolean", default: false },
  "early-identical": { type: "boolean", default: false },
  "both-missing-tie": { type: "boolean", default: false },
} as const;

const log = (line: string) => void process.stderr.write(`${line}\n`);

const resolveJudge = async ({ name, protocol, maxInFlight }: { name?: string; protocol: string; maxInFlight?: number }) => {
  if (protocol === "rules") return undefined;
  if (name) {
    const judge = await db().judgeConfig.findFirst({ where: { name, archivedAt: null }, select: { id: true } });
    if (!judge) throw new UsageError(`No judge configuration named "${name}" (see the admin page, Judges)`);

    return judge.id;
  }

  return (await ensureEnvironmentJudge({ maxInFlight })).id;
};

/** The file-mode summary shape, from the stored results of a completed run. */
const summaryOf = async (runId: string) => {
  const run = await db().evalRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      kind: true, protocol: true, evaluateTimes: true,
      sets: {
        select: {
          result: true, testSet: { select: { name: true } },
          submissionSet: { select: { submission: { select: { model: { select: { name: true } } } } } },
          referenceSubmissionSet: { select: { submission: { select: { model: { select: { name: true } } } } } },
        },
      },
    },
  });
  const sets = [...run.sets].sort((a, b) => TEST_SETS.indexOf(a.testSet.name as never) - TEST_SETS.indexOf(b.testSet.name as never));
  const candidate = sets[0]?.submissionSet.submission.model.name ?? "";
  if (run.kind === "preference") {
    const results = Object.fromEntries(sets.map((set) => [set.testSet.name, preferenceSetResultSchema.parse(set.result)]));

    return { reference: sets[0]?.referenceSubmissionSet?.submission.model.name ?? "", candidate, evaluateTimes: run.evaluateTimes, runId, sets: results, average: averagePreference(Object.values(results)) };
  }
  const results = Object.fromEntries(sets.map((set) => [set.testSet.name, passRateSetResultSchema.parse(set.result)]));

  return { protocol: run.protocol, model: candidate, evaluateTimes: run.evaluateTimes, runId, sets: results, average: averagePassRate(Object.values(results)) };
};

/** Works on the run in this process until it completes (or stops for a reason a person must handle). */
const waitFor = async (runId: string, maxInFlight: number | undefined) => {
  const worker = await runWorker({ concurrency: getEnv().TOOLEVAL_WORKER_CONCURRENCY, localCap: maxInFlight, log });
  let lastLine = "";
  try {
    for (;;) {
      const run = await db().evalRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, pauseReason: true } });
      const counts = await db().runItem.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
      const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
      const total = counts.reduce((sum, row) => sum + row._count._all, 0);
      const line = `run ${runId}: ${run.status.toLowerCase()} ${count("DONE") + count("ERROR")}/${total}${count("ERROR") ? ` (${count("ERROR")} errors)` : ""}${run.pauseReason ? ` — ${run.pauseReason}` : ""}`;
      if (line !== lastLine) log(line);
      lastLine = line;
      if (run.status === "COMPLETED") return { ok: count("ERROR") === 0, status: run.status };
      if (run.status === "CANCELLED" || run.status === "FAILED") return { ok: false, status: run.status };
      if (run.status === "PAUSED" && !run.pauseReason?.startsWith("judge unreachable")) return { ok: false, status: run.status };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await worker.stop();
  }
};

const buildInput = async (kind: string, values: ReturnType<typeof parseFlags<typeof FLAGS>>["values"]): Promise<CreateRunInput> => {
  const env = getEnv();
  const judgeConfigured = Boolean(values.judge || env.OPENAI_BASE_URL || env.OPENAI_API_KEY);
  const protocol = kind === "preference" ? "preference" : (values.protocol ?? (judgeConfigured ? "sopr" : "rules"));
  if (!values.protocol && kind === "pass-rate" && !judgeConfigured) log("note: no judge configured (OPENAI_API_KEY / OPENAI_BASE_URL unset, no --judge): using the rule-based protocol");
  if (protocol !== "rules" && !judgeConfigured) throw new UsageError(`${protocol} needs a judge: --judge NAME, or OPENAI_BASE_URL / OPENAI_API_KEY`);
  const maxInFlight = values["max-in-flight"] ? intFlag(values["max-in-flight"], "max-in-flight", 16) : undefined;
  const side = (model: string | undefined, version: string | undefined, flag: string) => {
    if (!model) throw new UsageError(`Missing required flag --${flag}`);

    return { model, version: version ? intFlag(version, `${flag}-version`, 1) : undefined };
  };
  const candidate = kind === "preference" ? side(values.candidate, values["candidate-version"], "candidate") : side(values.model, values.version, "model");
  const reference = kind === "preference" ? side(values.reference, values["reference-version"], "reference") : undefined;
  const testSets = values["test-set"]?.length ? values["test-set"] : await availableSets(candidate.model, reference?.model);
  const parsed = createRunSchema.safeParse({
    protocol,
    candidate,
    reference,
    testSets,
    evaluateTimes: intFlag(values["evaluate-times"], "evaluate-times", 3),
    judgeConfigId: await resolveJudge({ name: values.judge, protocol, maxInFlight }),
    seed: intFlag(values.seed, "seed", 42, 0),
    budgetUsd: values.budget ? Number(values.budget) : undefined,
    options: {
      missingAsZero: values["missing-as-zero"],
      explicitUnsure: values["explicit-unsure"],
      skipTaskSolvable: values["skip-task-solvable"],
      earlyIdentical: values["early-identical"],
      bothMissingTie: values["both-missing-tie"],
    },
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));

  return parsed.data;
};

/** Every test set the model (and the reference) has answers for. */
const availableSets = async (model: string, reference?: string) => {
  const setsOf = async (name: string) =>
    new Set((await db().submissionSet.findMany({ where: { submission: { model: { name } } }, select: { testSet: { select: { name: true } } } })).map((set) => set.testSet.name));
  const sets = await setsOf(model);
  if (reference) {
    const other = await setsOf(reference);
    for (const set of sets) if (!other.has(set)) sets.delete(set);
  }
  if (sets.size === 0) throw new UsageError(`No stored answers for ${reference ? `both ${model} and ${reference}` : model}`);

  return TEST_SETS.filter((set) => sets.has(set));
};

const command: Command = {
  name: "run",
  summary: "Judge stored answers in the database (pass rate or win rate), optionally waiting for the result",
  usage,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const kind = positionals[0];
    if (kind !== "pass-rate" && kind !== "preference") throw new UsageError("Say which run: tooleval run pass-rate … or tooleval run preference …");
    const database = await openDatabase({ log: false });
    try {
      const input = await buildInput(kind, values);
      const existing = await findResumableRun(input);
      let runId: string;
      if (existing) {
        runId = existing.id;
        log(`continuing the unfinished run ${runId} (${existing.status.toLowerCase()})`);
        if (existing.status === "CANCELLED" || existing.status === "PAUSED") await resumeRun(runId);
      } else {
        runId = (await createRun(input)).id;
        log(`created run ${runId}`);
      }
      if (!values.wait) {
        process.stdout.write(`${JSON.stringify({ runId })}\n`);

        return 0;
      }
      const outcome = await waitFor(runId, values["max-in-flight"] ? intFlag(values["max-in-flight"], "max-in-flight", 16) : undefined);
      if (outcome.status !== "COMPLETED") {
        log(`run ${runId} stopped: ${outcome.status.toLowerCase()}; run the same command again to continue it`);

        return 1;
      }
      const summary = await summaryOf(runId);
      process.stdout.write(`${values.json ? JSON.stringify(summary) : JSON.stringify(summary, null, 2)}\n`);

      return outcome.ok ? 0 : 1;
    } finally {
      await database.stop();
    }
  },
};

export default command;
