import { z } from "zod";

const optionalNumber = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number().nonnegative().optional());

export const judgeConfigSchema = z
  .object({
    name: z.string().trim().min(1, "Give the judge a name").max(80),
    baseUrl: z.preprocess((value) => (value === "" ? undefined : value), z.url("An http(s) URL, e.g. https://api.openai.com/v1").optional()),
    model: z.string().trim().min(1, "Name the judge model"),
    temperature: z.coerce.number().min(0).max(2).default(0.2),
    maxTokens: z.coerce.number().int().min(1).max(32_000).default(1000),
    timeoutMs: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    maxInFlight: z.coerce.number().int().min(1).max(1024).default(16),
    apiStyle: z.enum(["tools", "functions"]).default("tools"),
    apiKey: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional()),
    apiKeyEnv: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "An environment variable name").optional()),
    inputPricePerMTok: optionalNumber,
    outputPricePerMTok: optionalNumber,
    evaluatorId: z.string().min(1, "Choose the prompts"),
  })
  .refine((value) => !(value.apiKey && value.apiKeyEnv), { message: "Give either a key or the name of a variable holding it", path: ["apiKeyEnv"] });
export type JudgeConfigInput = z.infer<typeof judgeConfigSchema>;

export const judgeIdSchema = z.object({ judgeConfigId: z.string().min(1) });

export const importEvaluatorSchema = z.object({
  name: z.string().trim().min(1).max(80),
  config: z.instanceof(File, { message: "Choose config.yaml" }),
  template: z.instanceof(File, { message: "Choose template.txt" }),
});
