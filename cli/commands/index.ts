import { registerCommand } from "../main";

// One line per subcommand; each module default-exports its Command.
registerCommand("convert", "Convert raw ToolBench answers to ToolEval's converted format (file mode)", async () => (await import("./convert")).default);
registerCommand("pass-rate", "Pass rate (SoPR / ToolBench v1 / rule-based) from converted answers, ToolEval result files (file mode)", async () => (await import("./pass-rate")).default);
registerCommand("preference", "Win rate of a candidate against a reference model, ToolEval result files (file mode)", async () => (await import("./preference")).default);
registerCommand("import", "Import test queries, a model's answers, or ToolEval result files (database)", async () => (await import("./import")).default);
registerCommand("submissions", "List stored models, their versions and the benchmarks (database)", async () => (await import("./submissions")).default);
registerCommand("run", "Judge stored answers: pass rate or win rate, with --wait to work on it here (database)", async () => (await import("./run")).default);
