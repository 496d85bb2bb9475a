import type { Command } from "../command";

const command: Command = {
  name: "convert",
  summary: "Convert raw ToolBench answers",
  usage: "tooleval convert --answer_dir DIR --method METHOD --output FILE [--seed 42]",
  run: async () => {
    process.stderr.write("convert: not built yet\n");

    return 1;
  },
};

export default command;
