/** A CLI subcommand. `run` returns the process exit code; errors are reported on stderr by main. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
};
