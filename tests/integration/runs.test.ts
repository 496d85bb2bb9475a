import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { getBoss, stopBoss } from "../../lib/queue/boss";
import { startWorker } from "../../lib/queue/worker";
import { cancelRun, resumeRun, retryItem } from "../../lib/runs/control";
import { createRun } from "../../lib/runs/create-run";
import { createExecutor } from "../../lib/runs/execute/executor";
import { reconcileRuns } from "../../lib/runs/execute/reconcile";
import { runChunkHandler } from "../../lib/runs/execute/worker-jobs";
import { startFakeJudge, type FakeJudge } from "../support/fake-judge-server";
import { useTestDatabase } from "./db";
import { createJudge, createModelWithAnswers, createTestSet, fixtureAnswers, replicate, unique } from "./factories";

useTestDatabase();

const COPIES = 8;
let judge: FakeJudge;
const workers: { stop: () => Promise<void> }[] = [];

const startTestWorker = async ({ concurrency = 32 } = {}) => {
  const executor = createExecutor();
  const worker = await startWorker(await getBoss(), { concurrency, jobs: [runChunkHandler(executor)] });
  const handle = {
    workerId: executor.workerId,
    stop: async () => {
      const stopping = executor.stop();
      await worker.stop();
      await stopping;
    },
  };
  workers.push(handle);

  return handle;
};

const waitForStatus = async (runId: string, statuses: string[], timeout = 60_000) => {
  await expect
    .poll(async () => (await db().evalRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status, { timeout, interval: 200 })
    .toSatisfy((status: string) => statuses.includes(status));
};

const outcomes = async (runId: string) =>
  (await db().runItem.findMany({ where: { runId }, select: { queryId: true, round: true, outcome: true, status: true }, orderBy: [{ queryId: "asc" }, { round: "asc" }] })).map(
    (item) => `${item.queryId}/${item.round}:${item.status}:${item.outcome}`,
  );

let setup: { cot: string; dfs: string };

beforeAll(async () => {
  judge = await startFakeJudge({ latencyMs: 20 });
  const cot = replicate(fixtureAnswers("virtual_chatgpt_cot"), COPIES);
  const dfs = replicate(fixtureAnswers("virtual_chatgpt_dfs"), COPIES);
  const { benchmarkId, testSetId } = await createTestSet({ benchmark: "Runs", testSet: "G1_instruction", queryIds: Object.keys(cot) });
  setup = { cot: unique("cot"), dfs: unique("dfs") };
  await createModelWithAnswers({ name: setup.cot, method: "CoT@1", benchmarkId, testSetId, answers: cot });
  await createModelWithAnswers({ name: setup.dfs, method: "DFS_woFilter_w2", benchmarkId, testSetId, answers: dfs });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await stopBoss();
  await judge.close();
});

const passRate = (judgeConfigId: string, overrides: Partial<Parameters<typeof createRun>[0]> = {}) =>
  createRun({
    protocol: "sopr",
    candidate: { model: setup.cot },
    testSets: ["G1_instruction"],
    evaluateTimes: 3,
    judgeConfigId,
    seed: 42,
    options: { missingAsZero: false, explicitUnsure: false, skipTaskSolvable: false, earlyIdentical: false, bothMissingTie: false },
    ...overrides,
  });

describe("judging runs", () => {
  it("two workers split a run with no duplicate judgments, within the judge's in-flight limit", async () => {
    // Small worker concurrency: each takes at most two of the run's three chunks at once.
    const a = await startTestWorker({ concurrency: 4 });
    const b = await startTestWorker({ concurrency: 4 });
    judge.reset();
    judge.setConfig({ latencyMs: 60 });
    const config = await createJudge({ baseUrl: judge.url, maxInFlight: 6 });
    const run = await passRate(config.id);
    await waitForStatus(run.id, ["COMPLETED"]);
    judge.setConfig({ latencyMs: 20 });

    const items = await db().runItem.findMany({ where: { runId: run.id }, select: { status: true, detail: true } });
    expect(items).toHaveLength(3 * 3 * COPIES);
    expect(items.every((item) => item.status === "DONE")).toBe(true);
    const byWorker = new Set(items.map((item) => (item.detail as { worker?: string }).worker));
    expect(byWorker).toEqual(new Set([a.workerId, b.workerId]));

    const calls = await db().judgment.count({ where: { runId: run.id, fn: { not: null } } });
    expect(judge.stats().totalRequests).toBe(calls);
    expect(judge.stats().maxInFlight).toBeLessThanOrEqual(6);
    // CoT 588 has no Finish call (no judge call); 1073 and 608 need check_answer_status in every round.
    expect(await db().judgment.count({ where: { runId: run.id, fn: "check_answer_status" } })).toBe(2 * 3 * COPIES);

    const stored = await db().runSet.findFirstOrThrow({ where: { runId: run.id }, select: { result: true } });
    expect(stored.result).toMatchObject({ answered: 3 * COPIES, total: 3 * COPIES, errors: 0 });
    await Promise.all([a.stop(), b.stop()]);
  });

  it("answers a re-run entirely from the cache: zero judge calls, identical results", async () => {
    const worker = await startTestWorker();
    const config = await createJudge({ baseUrl: judge.url });
    const first = await passRate(config.id);
    await waitForStatus(first.id, ["COMPLETED"]);
    const callsBefore = judge.stats().totalRequests;
    const again = await passRate(config.id);
    await waitForStatus(again.id, ["COMPLETED"]);
    expect(judge.stats().totalRequests).toBe(callsBefore);
    expect(await outcomes(again.id)).toEqual(await outcomes(first.id));
    const run = await db().evalRun.findUniqueOrThrow({ where: { id: again.id }, select: { judgeCalls: true, cacheHits: true } });
    const firstCalls = await db().judgment.count({ where: { runId: first.id, fn: { not: null } } });
    expect(run).toEqual({ judgeCalls: 0, cacheHits: firstCalls });
    await worker.stop();
  });

  it("ends with the same results when 20% of judge calls fail (429, 500, timeouts, resets, bad arguments)", async () => {
    const worker = await startTestWorker();
    const clean = await createJudge({ baseUrl: judge.url, model: "judge-clean" });
    const faulty = await createJudge({ baseUrl: judge.url, model: "judge-faulty" });
    const reference = await passRate(clean.id, { protocol: "preference", reference: { model: setup.dfs } });
    await waitForStatus(reference.id, ["COMPLETED"]);
    judge.setConfig({ faultRate: 0.2, maxFaultsPerRequest: 2, hangMs: 6000 });
    const faulted = await passRate(faulty.id, { protocol: "preference", reference: { model: setup.dfs } });
    await waitForStatus(faulted.id, ["COMPLETED"], 120_000);
    judge.setConfig({ faultRate: 0 });
    const faults = Object.values(judge.stats().faultsInjected).reduce((a, b) => a + b, 0);
    expect(faults).toBeGreaterThan(0);
    expect(await outcomes(faulted.id)).toEqual(await outcomes(reference.id));
    const results = await db().runSet.findMany({ where: { runId: { in: [reference.id, faulted.id] } }, select: { result: true } });
    expect(results[0]!.result).toEqual(results[1]!.result);
    await worker.stop();
  }, 180_000);

  it("cancels within seconds and resumes where it stopped", async () => {
    const worker = await startTestWorker({ concurrency: 4 });
    judge.setConfig({ latencyMs: 300 });
    const config = await createJudge({ baseUrl: judge.url, maxInFlight: 2, model: "judge-cancel" });
    const run = await passRate(config.id);
    await expect.poll(() => db().judgment.count({ where: { runId: run.id, fn: { not: null } } }), { timeout: 20_000 }).toBeGreaterThan(2);
    await cancelRun(run.id);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const afterCancel = judge.stats().totalRequests;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(judge.stats().totalRequests).toBe(afterCancel);
    expect(await db().runItem.count({ where: { runId: run.id, status: "PENDING" } })).toBeGreaterThan(0);
    judge.setConfig({ latencyMs: 20 });
    await resumeRun(run.id);
    await waitForStatus(run.id, ["COMPLETED"]);
    expect(await db().runItem.count({ where: { runId: run.id, status: { not: "DONE" } } })).toBe(0);
    await worker.stop();
  });

  it("lists an item the judge keeps failing as an error, and retries it on its own", async () => {
    const worker = await startTestWorker();
    const config = await createJudge({ baseUrl: judge.url, model: "judge-retry" });
    judge.setConfig({ rules: [{ fn: "check_answer_status", contains: "(variant 3)", args: { answer_status: "Perhaps" } }] });
    const run = await passRate(config.id, { evaluateTimes: 1 });
    await waitForStatus(run.id, ["COMPLETED"], 120_000);
    const failed = await db().runItem.findMany({ where: { runId: run.id, status: "ERROR" }, select: { id: true, error: true } });
    expect(failed.length).toBe(2);
    expect(failed[0]!.error).toMatch(/bad_output/);
    judge.setConfig({ rules: [] });
    await retryItem(failed[0]!.id);
    await waitForStatus(run.id, ["COMPLETED"]);
    expect(await db().runItem.count({ where: { runId: run.id, status: "ERROR" } })).toBe(1);
    await worker.stop();
  }, 180_000);

  it("pauses a run whose judge is down instead of failing its items, and resumes when it is back", async () => {
    const worker = await startTestWorker();
    const down = await startFakeJudge();
    const port = down.port;
    await down.close();
    const config = await createJudge({ baseUrl: `http://127.0.0.1:${port}/v1`, model: "judge-down" });
    const run = await passRate(config.id, { evaluateTimes: 1 });
    await waitForStatus(run.id, ["PAUSED"], 120_000);
    const paused = await db().evalRun.findUniqueOrThrow({ where: { id: run.id }, select: { pauseReason: true } });
    expect(paused.pauseReason).toMatch(/judge unreachable/);
    expect(await db().runItem.count({ where: { runId: run.id, status: "ERROR" } })).toBe(0);
    const back = await startFakeJudge({ port });
    // The workers' reconcile loop does this every 10 s: probe the judge, resume, send the items again.
    await expect
      .poll(async () => {
        await reconcileRuns();

        return (await db().evalRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true } })).status;
      }, { timeout: 90_000, interval: 2000 })
      .toBe("COMPLETED");
    await back.close();
    await worker.stop();
  }, 240_000);

  it("stops cleanly at its budget", async () => {
    const worker = await startTestWorker({ concurrency: 4 });
    const config = await createJudge({ baseUrl: judge.url, model: "judge-budget", maxInFlight: 1, prices: [1000, 1000] });
    const run = await passRate(config.id, { budgetUsd: 2 });
    await waitForStatus(run.id, ["PAUSED"]);
    const state = await db().evalRun.findUniqueOrThrow({ where: { id: run.id }, select: { pauseReason: true, costUsd: true } });
    expect(state.pauseReason).toMatch(/budget/);
    const spent = await db().judgment.aggregate({ where: { runId: run.id }, _sum: { costUsd: true } });
    expect(spent._sum.costUsd ?? 0).toBeLessThanOrEqual(2);
    expect(await db().runItem.count({ where: { runId: run.id, status: "PENDING" } })).toBeGreaterThan(0);
    await cancelRun(run.id);
    await worker.stop();
  });
});
