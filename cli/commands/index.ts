import { registerCommand } from "../main";

// One line per subcommand; each module default-exports its Command.
registerCommand("convert", "Convert raw ToolBench answers to ToolEval's converted format (file mode)", async () => (await import("./convert")).default);
