import { UsageError } from "./args";
import type { Command } from "./command";

/** Subcommands, loaded lazily so `tooleval --help` and file-mode commands never touch the database. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export const registerCommand = (name: string, summary: string, load: () => Promise<Command>) => {
  COMMANDS[name] = { summary, load };
};

const help = () =>
  [
    "tooleval: evaluate tool-using LLM agents the way ToolEval and StableToolEval do.",
    "",
    "Usage: tooleval <command> [flags]      (flags accept --kebab-case and ToolEval's --snake_case)",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(22)} ${summary}`),
    "",
    "Database commands use DATABASE_URL, or the embedded PostgreSQL in TOOLEVAL_DATA_DIR (default ./.tooleval).",
    "Run `tooleval <command> --help` for a command's flags.",
  ].join("\n");

export const main = async (argv: string[]): Promise<number> => {
  await import("./commands/index");
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);

    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);

    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);

    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tooleval ${name}: ${error.message}\n\n${command.usage}\n`);

      return 2;
    }
    process.stderr.write(`tooleval ${name}: ${error instanceof Error ? error.message : String(error)}\n`);

    return 1;
  }
};
