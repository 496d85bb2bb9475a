import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createBoss } from "../../lib/queue/boss";
import { defineJob, ensureQueues, sendJob } from "../../lib/queue/jobs";
import { startWorker } from "../../lib/queue/worker";
import { useTestDatabase } from "./db";

const database = useTestDatabase();

describe("queue", () => {
  const began: number[] = [];
  const seen: number[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowJob = defineJob({
    name: "test.slow",
    schema: z.object({ n: z.number().int() }),
    queue: { retryLimit: 0 },
    concurrency: () => 2,
    handle: async ({ n }) => {
      began.push(n);
      if (n === 2) await gate;
      seen.push(n);
    },
  });
  const boss = () => createBoss(database.url);
  const started: ReturnType<typeof boss>[] = [];
  afterAll(async () => {
    await Promise.all(started.map((b) => b.stop({ graceful: false, wait: true }).catch(() => undefined)));
  });

  it("validates payloads when sending", async () => {
    const sender = boss();
    started.push(sender);
    await sender.start();
    await ensureQueues(sender, [slowJob]);
    await expect(sendJob(sender, slowJob, { n: "x" as unknown as number })).rejects.toThrow();
  });

  it("delivers jobs to a worker and lets the job in flight finish on a graceful stop", async () => {
    const instance = boss();
    started.push(instance);
    await instance.start();
    await ensureQueues(instance, [slowJob]);
    const worker = await startWorker(instance, { concurrency: 2, jobs: [slowJob] });
    await sendJob(instance, slowJob, { n: 1 });
    await sendJob(instance, slowJob, { n: 2 });
    await expect.poll(() => seen, { timeout: 10_000 }).toContain(1);
    await expect.poll(() => began, { timeout: 10_000 }).toContain(2);
    const stopping = (async () => {
      await worker.stop();
      await instance.stop({ graceful: true, wait: true, timeout: 10_000 });
    })();
    setTimeout(release, 300);
    await stopping;
    expect(seen).toEqual([1, 2]);
  });
});
