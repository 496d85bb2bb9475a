import { describe, expect, it } from "vitest";
import { createRng } from "./random";

describe("createRng", () => {
  it("is deterministic per seed and derives independent streams", () => {
    const a = createRng(42, "G1_instruction", "588");
    const b = createRng(42, "G1_instruction", "588");
    const c = createRng(42, "G1_instruction", "608");
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it("chooses and shuffles uniformly enough", () => {
    const rng = createRng("uniform");
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[rng.choice([0, 1, 2])]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(600);
    expect(rng.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
    expect(() => rng.choice([])).toThrow(RangeError);
  });
});
