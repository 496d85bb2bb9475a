import { z } from "zod";

/**
 * The stored result of one test set of a run (RunSet.result). The same shapes as the per-set objects
 * the CLI prints with --json. Percentages, unrounded.
 */
export const passRateSetResultSchema = z.object({
  answered: z.number().int(),
  total: z.number().int(),
  passRate: z.number(),
  std: z.number(),
  rounds: z.array(z.number()),
  unsure: z.number().int(),
  errors: z.number().int(),
});
export type PassRateSetResult = z.infer<typeof passRateSetResultSchema>;

export const preferenceSetResultSchema = z.object({
  n: z.number().int(),
  wins: z.number().int(),
  ties: z.number().int(),
  losses: z.number().int(),
  winRate: z.number(),
  winRateHalfTies: z.number(),
  errors: z.number().int().default(0),
});
export type PreferenceSetResult = z.infer<typeof preferenceSetResultSchema>;

export const RUN_KINDS = ["pass_rate", "preference"] as const;
export type RunKind = (typeof RUN_KINDS)[number];
