import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

describe("createBatcher", () => {
  it("runs concurrent calls as one batch and hands each caller its own result", async () => {
    const batches: number[][] = [];
    const batcher = createBatcher(async (items: number[]) => {
      batches.push(items);

      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.run(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("splits at maxSize and rejects every caller of a failed batch", async () => {
    const sizes: number[] = [];
    const batcher = createBatcher(
      async (items: number[]) => {
        sizes.push(items.length);
        if (items.includes(5)) throw new Error("boom");

        return items;
      },
      { maxSize: 2 },
    );
    const outcomes = await Promise.allSettled([1, 2, 3, 5].map((n) => batcher.run(n)));
    expect(sizes).toEqual([2, 2]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
  });
});
