/**
 * Seeded randomness for every random choice ToolEval makes (invalid-answer branches, answer order,
 * coin flips). Python's Mersenne Twister sequence cannot be matched in general (it also depends on
 * directory listing order and thread scheduling, spec §9.4), so the goal is reproducibility: the same
 * seed and the same inputs always give the same choices, and each choice has its own derived stream.
 */

/** cyrb128: a fast 128-bit string hash, used to turn any seed text into four 32-bit words. */
const hashSeed = (text: string): [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;

  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

export type Rng = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [0, n). */
  int: (n: number) => number;
  /** One element, uniformly. Throws on an empty list (as Python's `random.choice` does). */
  choice: <T>(items: readonly T[]) => T;
  /** A new array with the items in a uniformly random order (Fisher-Yates). */
  shuffle: <T>(items: readonly T[]) => T[];
};

/** A deterministic generator (sfc32) for a seed; extra parts derive independent streams. */
export const createRng = (seed: string | number, ...parts: (string | number)[]): Rng => {
  let [a, b, c, d] = hashSeed([seed, ...parts].join("\u0000"));
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;

    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();
  const int = (n: number) => Math.floor(next() * n);

  return {
    next,
    int,
    choice: (items) => {
      if (items.length === 0) throw new RangeError("Cannot choose from an empty list");

      return items[int(items.length)]!;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }

      return copy;
    },
  };
};
