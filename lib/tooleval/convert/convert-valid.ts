import type { ConversionStep, FailAt } from "./convert-steps";
import type { RawMessage } from "../formats/raw-answer";

const toolStep = (name: string, args: string, response: string): ConversionStep => ({
  role: "tool",
  message: { name, arguments: args, response },
});

/**
 * The valid path of the conversion (spec §1.4): the last `train_messages` conversation becomes a
 * chain of tool and assistant steps. The system and user messages at the start, and every later
 * system/user/function/tool message, produce no step; observations are attached to their calls.
 */
export const stepsFromConversation = ({
  messages,
  path,
  fail,
}: {
  messages: readonly RawMessage[];
  path: string;
  fail: FailAt;
}): ConversionStep[] => {
  const steps: ConversionStep[] = [];
  for (let index = 2; index < messages.length; index += 1) {
    const message = messages[index]!;
    if (message.role !== "assistant") continue;
    const call = message.function_call;
    if (call) {
      // The call's observation is the next message, which is consumed; a Finish call has none,
      // yet ToolEval skips the message after it all the same.
      const next = messages[index + 1];
      if (call.name !== "Finish" && !next) {
        fail(`${path}[${index}].function_call`, `the call to ${call.name} has no following observation message`);
      }
      // A thought sent together with a call is dropped: only the call is kept.
      steps.push(toolStep(call.name, call.arguments, call.name === "Finish" ? "" : (next?.content ?? "")));
      index += 1;
      continue;
    }
    if (message.tool_calls) {
      for (const { id, function: fn } of message.tool_calls) {
        if (fn.name === "Finish") {
          steps.push(toolStep(fn.name, fn.arguments, ""));
          break;
        }
        // Calls without a matching tool message are dropped, as in StableToolBench.
        const result = messages.slice(index + 1).find((item) => item.role === "tool" && item.tool_call_id === id);
        if (result) steps.push(toolStep(fn.name, fn.arguments, result.content ?? ""));
      }
      continue;
    }
    steps.push({ role: "assistant", message: message.content ?? "" });
  }

  return steps;
};
