import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { stopBoss } from "../../lib/queue/boss";
import { createRun } from "../../lib/runs/create-run";
import { startFakeJudge, type FakeJudge } from "../support/fake-judge-server";
import { useTestDatabase } from "./db";
import { createJudge, createModelWithAnswers, createTestSet, fixtureAnswers, replicate, unique } from "./factories";

const database = useTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");
const COPIES = 20;
let judge: FakeJudge;
let model: string;
const children: ChildProcess[] = [];

/** A real worker process (`npm run worker`) on the test database. */
const startWorkerProcess = () => {
  const child = spawn(process.execPath, ["--import", "tsx", "server/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, TOOLEVAL_WORKER_CONCURRENCY: "16" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  children.push(child);

  return { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))) };
};

const storedCalls = (runId: string) => db().judgment.count({ where: { runId, fn: { not: null }, cachedFromId: null } });

const outcomes = async (runId: string) =>
  (await db().runItem.findMany({ where: { runId }, select: { queryId: true, round: true, outcome: true }, orderBy: [{ queryId: "asc" }, { round: "asc" }] })).map(
    (item) => `${item.queryId}/${item.round}:${item.outcome}`,
  );

const waitForCompletion = (runId: string, timeout: number) =>
  expect.poll(async () => (await db().evalRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status, { timeout, interval: 500 }).toBe("COMPLETED");

const newRun = (judgeConfigId: string) =>
  createRun({
    protocol: "sopr",
    candidate: { model },
    testSets: ["G1_instruction"],
    evaluateTimes: 3,
    judgeConfigId,
    seed: 7,
    options: { missingAsZero: false, explicitUnsure: false, skipTaskSolvable: false, earlyIdentical: false, bothMissingTie: false },
  });

beforeAll(async () => {
  judge = await startFakeJudge({ latencyMs: 200 });
  const answers = replicate(fixtureAnswers("virtual_chatgpt_dfs"), COPIES);
  const { benchmarkId, testSetId } = await createTestSet({ benchmark: "Crash", testSet: "G1_instruction", queryIds: Object.keys(answers) });
  model = unique("dfs");
  await createModelWithAnswers({ name: model, method: "DFS_woFilter_w2", benchmarkId, testSetId, answers });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await stopBoss();
  await judge.close();
});

describe("a run survives kill -9 of its worker", () => {
  it("finishes after a restart with the results of an uninterrupted run, redoing only the calls in flight at the kill", async () => {
    const steady = startWorkerProcess();
    const uninterrupted = await newRun((await createJudge({ baseUrl: judge.url, maxInFlight: 8, model: "judge-steady" })).id);
    await waitForCompletion(uninterrupted.id, 120_000);
    steady.child.kill("SIGTERM");
    expect(await steady.exited).toBe(0);
    expect(steady.output()).toContain("[worker] stopped");

    const before = judge.stats().totalRequests;
    const run = await newRun((await createJudge({ baseUrl: judge.url, maxInFlight: 8, model: "judge-killed" })).id);
    const victim = startWorkerProcess();
    await expect.poll(() => storedCalls(run.id), { timeout: 60_000, interval: 100 }).toBeGreaterThan(40);
    const inFlightAtJudge = judge.stats().inFlight;
    victim.child.kill("SIGKILL");
    await victim.exited;
    const sentBeforeKill = judge.stats().totalRequests - before;
    const storedBeforeKill = await storedCalls(run.id);
    const inFlightAtKill = sentBeforeKill - storedBeforeKill;
    expect(inFlightAtKill).toBeLessThanOrEqual(8);

    const successor = startWorkerProcess();
    await waitForCompletion(run.id, 120_000);
    const sent = judge.stats().totalRequests - before;
    const stored = await storedCalls(run.id);
    expect(sent - stored).toBeLessThanOrEqual(inFlightAtKill);
    console.info(
      `[kill -9] killed after ${storedBeforeKill} stored calls; ${inFlightAtKill} unstored in flight (${inFlightAtJudge} open at the judge); ${sent - stored} calls made twice`,
    );
    expect(await outcomes(run.id)).toEqual(await outcomes(uninterrupted.id));
    const [a, b] = await Promise.all(
      [uninterrupted.id, run.id].map((id) => db().runSet.findFirstOrThrow({ where: { runId: id }, select: { result: true } })),
    );
    expect(b!.result).toEqual(a!.result);
    successor.child.kill("SIGTERM");
    expect(await successor.exited).toBe(0);
  }, 240_000);
});
