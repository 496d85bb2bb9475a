import { parseArgs, type ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** A usage error: printed with the command's usage text, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses a command's flags. ToolEval's scripts use underscore flags (`--test_ids`); ours are
 * kebab-case (`--test-ids`). Both spellings are accepted for every option.
 */
export const parseFlags = <O extends OptionSpec>(argv: string[], options: O) => {
  const normalized = argv.map((arg) => {
    if (!arg.startsWith("--")) return arg;
    const [flag, ...rest] = arg.split("=");

    return [flag!.replace(/_/g, "-"), ...rest].join("=");
  });
  try {
    return parseArgs({ args: normalized, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

/** A required string flag, or a usage error naming it. */
export const requireFlag = (value: string | undefined, flag: string): string => {
  if (value === undefined || value === "") throw new UsageError(`Missing required flag --${flag}`);

  return value;
};

/** An integer flag with bounds, or a usage error naming it. */
export const intFlag = (value: string | undefined, flag: string, fallback: number, min = 1): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`--${flag} must be an integer >= ${min}, got "${value}"`);

  return parsed;
};
