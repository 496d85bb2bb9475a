import { z } from "zod";
import type { PassRateSetSummary, PreferenceSetSummary } from "../tooleval/protocols/set-summary";

/**
 * Validation of stored run results (RunSet.result): the engine's set summaries, the same objects the
 * CLI prints per set with --json. Percentages, unrounded.
 */
export const passRateSetResultSchema = z.object({
  answered: z.number().int(),
  total: z.number().int(),
  passRate: z.number(),
  std: z.number(),
  rounds: z.array(z.number()),
  unsure: z.number().int(),
  errors: z.number().int(),
}) satisfies z.ZodType<PassRateSetSummary>;
export type PassRateSetResult = PassRateSetSummary;

export const preferenceSetResultSchema = z.object({
  n: z.number().int(),
  wins: z.number().int(),
  ties: z.number().int(),
  losses: z.number().int(),
  winRate: z.number(),
  winRateHalfTies: z.number(),
  errors: z.number().int().default(0),
}) satisfies z.ZodType<PreferenceSetSummary, unknown>;
export type PreferenceSetResult = PreferenceSetSummary;
