import { z } from "zod";
import { TEST_SETS } from "../tooleval/types";

/**
 * Protocol options. Every default is ToolEval's behaviour; each option is a documented correction
 * (spec §8, §9) a user may choose, recorded with the run.
 */
export const runOptionsSchema = z.object({
  /** SoPR / ToolBench: count test ids without an answer as failures (StableToolBench#37). */
  missingAsZero: z.boolean().default(false),
  /** ToolBench: report Unsure passes instead of settling them with a coin flip. */
  explicitUnsure: z.boolean().default(false),
  /** Preference: skip check_task_solvable, whose result ToolEval never uses. */
  skipTaskSolvable: z.boolean().default(false),
  /** Preference: decide identical answers before judging their statuses. */
  earlyIdentical: z.boolean().default(false),
  /** Preference: when both answers are missing, nobody wins the round (ToolEval gives it to the candidate). */
  bothMissingTie: z.boolean().default(false),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

export const PROTOCOLS = ["sopr", "toolbench", "rules", "preference"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const sideSchema = z.object({ model: z.string().trim().min(1), version: z.coerce.number().int().min(1).optional() });

export const createRunSchema = z
  .object({
    protocol: z.enum(PROTOCOLS),
    candidate: sideSchema,
    reference: sideSchema.optional(),
    testSets: z.array(z.enum(TEST_SETS)).min(1, "Choose at least one test set"),
    evaluateTimes: z.coerce.number().int().min(1).max(15).default(3),
    judgeConfigId: z.string().optional(),
    seed: z.coerce.number().int().min(0).default(42),
    budgetUsd: z.coerce.number().positive().optional(),
    options: runOptionsSchema.default(runOptionsSchema.parse({})),
  })
  .refine((input) => input.protocol !== "preference" || input.reference, { message: "A win rate needs a reference model", path: ["reference"] })
  .refine((input) => input.protocol === "rules" || input.judgeConfigId, { message: "Choose a judge", path: ["judgeConfigId"] });
export type CreateRunInput = z.infer<typeof createRunSchema>;
