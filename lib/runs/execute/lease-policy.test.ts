import { describe, expect, it } from "vitest";
import { grantSlots, onRateLimited, onSucceeded } from "./lease-policy";

describe("grantSlots", () => {
  it("gives a lone worker what it asks for, up to the limit", () => {
    expect(grantSlots({ limit: 16, demand: 40, inFlight: 0, peers: [] })).toBe(16);
    expect(grantSlots({ limit: 16, demand: 5, inFlight: 0, peers: [] })).toBe(5);
  });

  it("never hands out slots another worker holds", () => {
    expect(grantSlots({ limit: 16, demand: 40, inFlight: 0, peers: [{ slots: 16, demand: 40 }] })).toBe(0);
    expect(grantSlots({ limit: 16, demand: 40, inFlight: 0, peers: [{ slots: 10, demand: 10 }] })).toBe(6);
  });

  it("shrinks to a fair share when others wait, but not below the calls in flight", () => {
    expect(grantSlots({ limit: 16, demand: 40, inFlight: 3, peers: [{ slots: 0, demand: 40 }] })).toBe(8);
    expect(grantSlots({ limit: 16, demand: 40, inFlight: 12, peers: [{ slots: 0, demand: 40 }] })).toBe(12);
  });

  it("keeps the total within the limit over a sequence of renewals", () => {
    const workers = [
      { slots: 0, demand: 50, inFlight: 0 },
      { slots: 0, demand: 50, inFlight: 0 },
      { slots: 0, demand: 50, inFlight: 0 },
    ];
    for (let step = 0; step < 30; step += 1) {
      const worker = workers[step % 3]!;
      const peers = workers.filter((other) => other !== worker);
      worker.slots = grantSlots({ limit: 20, demand: worker.demand, inFlight: worker.inFlight, peers });
      worker.inFlight = worker.slots;
      expect(workers.reduce((sum, w) => sum + w.slots, 0)).toBeLessThanOrEqual(20);
    }
    expect(workers.map((w) => w.slots).sort()).toEqual([6, 7, 7]);
  });
});

describe("AIMD", () => {
  it("halves on a rate limit, waits out retry-after, then grows back slowly", () => {
    const limited = onRateLimited({ limit: 32, pausedUntil: 0 }, { inFlight: 32, now: 1000, retryAfterMs: 2000 });
    expect(limited).toEqual({ limit: 16, pausedUntil: 3000 });
    let state = limited;
    for (let i = 0; i < 16; i += 1) state = onSucceeded(state, { ceiling: 32 });
    expect(state.limit).toBeGreaterThan(16.9);
    expect(state.limit).toBeLessThan(17.1);
    expect(onRateLimited({ limit: 1, pausedUntil: 0 }, { inFlight: 1, now: 0 }).limit).toBe(1);
  });
});
