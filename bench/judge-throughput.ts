/**
 * Judge-call throughput of the run workers against a local OpenAI-compatible judge with a fixed
 * latency, as a fraction of the ideal (calls in flight / latency).
 *
 *   node --import tsx bench/judge-throughput.ts [--latency-ms 200] [--levels 16,64,256] [--reps 3] [--seconds 8]
 *
 * The judge runs in its own process (so it does not share the worker's event loop); PostgreSQL is a
 * throwaway embedded server. For each in-flight level a fresh judge configuration (no cache hits)
 * judges a SoPR run of one round whose every item needs exactly one call. Throughput is measured
 * between the first and the last stored judgment; "overhead" is the time a slot is held per call
 * beyond the judge's latency (queueing, prompt rendering, cache lookup, storing). Medians over reps.
 * On a small machine the judge server and the HTTP client themselves cap the rate, so each level
 * also measures a baseline in the same run: the bare judge client at the same concurrency, no
 * database, no queue. "of baseline" is the share of that ceiling the full system reaches.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { db, disconnectDb, useDatabaseUrl } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { stopBoss } from "../lib/queue/boss";
import { createRun } from "../lib/runs/create-run";
import { runWorker } from "../lib/runs/execute/run-worker";
import { DEFAULT_EVALUATOR } from "../lib/tooleval/evaluator/default-evaluator";
import { createJudgeClient } from "../lib/tooleval/judge/client";
import { createJudge, createModelWithAnswers, createTestSet, fixtureAnswers, replicate } from "../tests/integration/factories";

const { values } = parseArgs({
  options: {
    "latency-ms": { type: "string", default: "200" },
    levels: { type: "string", default: "16,64,256" },
    reps: { type: "string", default: "3" },
    seconds: { type: "string", default: "8" },
    port: { type: "string", default: "4790" },
    profile: { type: "string" },
  },
});
const latencyMs = Number(values["latency-ms"]);
const levels = values.levels!.split(",").map(Number);
const reps = Number(values.reps);
const port = Number(values.port);
const ROOT = path.resolve(import.meta.dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const startJudgeProcess = async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/fake-judge-cli.ts", "--port", String(port), "--latency-ms", String(latencyMs)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.on("data", (chunk) => String(chunk).includes("listening") && resolve()));
  // Every check_answer_status says Solved, so each item needs exactly one call.
  await fetch(`http://127.0.0.1:${port}/__config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved", reason: "bench" } }] }),
  });

  return child;
};

/** The bare client at `level` calls in flight against the same judge: the ceiling of this machine. */
const baseline = async ({ level, calls }: { level: number; calls: number }) => {
  const client = createJudgeClient({ evaluator: DEFAULT_EVALUATOR, baseURL: `http://127.0.0.1:${port}/v1`, apiKey: "bench", model: "bench-baseline" });
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: level }, async () => {
      while (next < calls) {
        const index = next++;
        await client.call({ fn: "check_answer_status", vars: { query: `baseline ${index}`, answer: "{}" }, withReason: true, stage: "bench" });
      }
    }),
  );

  return calls / ((Date.now() - started) / 1000);
};

const measure = async ({ level, rep, modelName }: { level: number; rep: number; modelName: string }) => {
  const judge = await createJudge({ baseUrl: `http://127.0.0.1:${port}/v1`, maxInFlight: level, model: `bench-${level}-${rep}` });
  const worker = await runWorker({ concurrency: Math.ceil(level * 1.5), log: () => undefined });
  const run = await createRun({
    protocol: "sopr",
    candidate: { model: modelName },
    testSets: ["G1_instruction"],
    evaluateTimes: 1,
    judgeConfigId: judge.id,
    seed: rep,
    options: { missingAsZero: false, explicitUnsure: false, skipTaskSolvable: false, earlyIdentical: false, bothMissingTie: false },
  });
  for (;;) {
    const { status } = await db().evalRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true } });
    if (status === "COMPLETED") break;
    if (status !== "RUNNING" && status !== "QUEUED") throw new Error(`run ended ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await worker.stop();
  const stats = await db().judgment.aggregate({ where: { runId: run.id, fn: { not: null } }, _count: { _all: true }, _min: { createdAt: true }, _max: { createdAt: true } });
  const calls = stats._count._all;
  const seconds = (stats._max.createdAt!.getTime() - stats._min.createdAt!.getTime()) / 1000;
  const throughput = (calls - 1) / seconds;
  const ideal = level / (latencyMs / 1000);

  return { calls, seconds, throughput, ratio: throughput / ideal, overheadMs: (level / throughput) * 1000 - latencyMs };
};

/** With --profile DIR, a CPU profile of the worker (this process) while it judges, for DevTools. */
const profiled = async <T>(body: () => Promise<T>, name: string): Promise<T> => {
  if (!values.profile) return body();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  const result = await body();
  const { profile } = await session.post("Profiler.stop");
  fs.mkdirSync(values.profile, { recursive: true });
  fs.writeFileSync(path.join(values.profile, `judge-throughput-${name}.cpuprofile`), JSON.stringify(profile));
  session.disconnect();

  return result;
};

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-bench-"));
  const server = await startEmbeddedPostgres(dir);
  const judgeProcess = await startJudgeProcess();
  try {
    await migrate(server.url());
    useDatabaseUrl(server.url());
    const maxLevel = Math.max(...levels);
    const copies = Math.ceil(((maxLevel / (latencyMs / 1000)) * Number(values.seconds)) / 3);
    const answers = replicate(fixtureAnswers("virtual_chatgpt_dfs"), copies);
    const { benchmarkId, testSetId } = await createTestSet({ benchmark: "bench", testSet: "G1_instruction", queryIds: Object.keys(answers) });
    console.log(`judge latency ${latencyMs} ms; ${Object.keys(answers).length} answers; ${os.cpus().length} CPUs; ${reps} repetitions per level (median)`);
    console.log("in flight | calls | seconds | calls/s | ideal calls/s | fraction of ideal | baseline calls/s | of baseline | overhead per call");
    for (const level of levels) {
      // Each level judges as many answers as ~`seconds` of ideal throughput needs, under a fresh model.
      const needed = Math.ceil(((level / (latencyMs / 1000)) * Number(values.seconds)) / 3) * 3;
      const subset = Object.fromEntries(Object.entries(answers).slice(0, needed));
      const results: Awaited<ReturnType<typeof measure>>[] = [];
      const baselines: number[] = [];
      for (let rep = 0; rep < reps; rep += 1) {
        baselines.push(await baseline({ level, calls: needed }));
        const modelName = `bench-model-${level}-${rep}`;
        await createModelWithAnswers({ name: modelName, method: "DFS_woFilter_w2", benchmarkId, testSetId, answers: subset });
        results.push(await profiled(() => measure({ level, rep, modelName }), `${level}-${rep}`));
      }
      const pick = (key: "throughput" | "ratio" | "overheadMs" | "seconds") => median(results.map((r) => r[key]));
      const ofBaseline = median(results.map((r, rep) => r.throughput / baselines[rep]!));
      console.log(
        [
          String(level).padStart(9),
          String(results[0]!.calls).padStart(5),
          pick("seconds").toFixed(2).padStart(7),
          pick("throughput").toFixed(1).padStart(7),
          String(level / (latencyMs / 1000)).padStart(13),
          `${(pick("ratio") * 100).toFixed(1)}%`.padStart(17),
          median(baselines).toFixed(1).padStart(16),
          `${(ofBaseline * 100).toFixed(1)}%`.padStart(11),
          `${pick("overheadMs").toFixed(1)} ms`,
        ].join(" | "),
      );
    }
  } finally {
    await stopBoss().catch(() => undefined);
    await disconnectDb();
    judgeProcess.kill("SIGTERM");
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

await main();
process.exit(0);
