import path from "node:path";
import { z } from "zod";

/**
 * The only module that reads process.env (besides the OpenAI SDK, which reads its own OPENAI_*
 * variables). Parsed once, on first use, so a bad value fails at start-up with the variable's name.
 * Every variable is documented in .env.example.
 */

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? fallback : !["0", "false", "no", "off"].includes(String(value).toLowerCase())),
    z.boolean(),
  );
const int = (fallback: number, min = 0) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).default(fallback));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TOOLEVAL_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".tooleval")),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  PORT: int(3000, 1),
  TOOLEVAL_PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  TOOLEVAL_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "TOOLEVAL_SECRET must be at least 32 characters").optional()),
  TOOLEVAL_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().default("admin@tooleval.local")),
  TOOLEVAL_ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, "TOOLEVAL_ADMIN_PASSWORD must be at least 8 characters").optional()),
  TOOLEVAL_SEED_DEMO: flag(true),
  TOOLEVAL_WORKER: flag(true),
  TOOLEVAL_WORKER_CONCURRENCY: int(64, 1),
  TOOLEVAL_UPLOAD_MAX_BYTES: int(512 * 1024 * 1024, 1),
  TOOLEVAL_UPLOAD_MAX_FILE_BYTES: int(256 * 1024 * 1024, 1),
  TOOLEVAL_ZIP_MAX_ENTRIES: int(20_000, 1),
  TOOLEVAL_ZIP_MAX_EXPANDED_BYTES: int(2 * 1024 * 1024 * 1024, 1),
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  OPENAI_API_KEY: optionalString,
  EVAL_MODEL: optionalString,
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; publicUrl: string };

let cached: Env | undefined;

/** The parsed environment. Throws one error listing every invalid variable. */
export const getEnv = (): Env => {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    dataDir: path.resolve(env.TOOLEVAL_DATA_DIR),
    publicUrl: env.TOOLEVAL_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
  };

  return cached;
};

