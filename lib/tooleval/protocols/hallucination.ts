import { pyStr } from "../python";
import type { AnswerNode, ConvertedAnswerBody } from "../types";

const NAME_PATTERN = /'name':\s*'([\s\S]*?)'/;

/**
 * ToolEval v1's `check_has_hallucination` (spec §2.1 step 1), including its side effect: tool-node
 * messages are replaced by their Python `str()` while walking, up to the first hallucinated call (the
 * walk stops there) or the first node it cannot read (then the answer counts as not hallucinated).
 * ToolBench's pass-rate flow then dumps this mutated answer into `parse_answer_status`, so the
 * returned copy is what a faithful v1 round must show the judge. The input is not modified.
 */
export const checkHallucination = ({ availableTools, answer }: { availableTools: unknown[]; answer: ConvertedAnswerBody }) => {
  const mutated = structuredClone(answer);
  const names = new Set(availableTools.map((tool) => (tool as { name?: unknown })?.name));
  const visit = (nodes: AnswerNode[]): boolean => {
    for (const node of nodes) {
      if (node.role === "tool") {
        if (node.message !== null && typeof node.message === "object" && !Array.isArray(node.message)) node.message = pyStr(node.message);
        const name = typeof node.message === "string" ? NAME_PATTERN.exec(node.message)?.[1] : undefined;
        if (name === undefined) throw new Error("unreadable tool message");
        if (!names.has(name)) return false;
      }
      if (!visit(node.next)) return false;
    }

    return true;
  };
  try {
    return { notHallucinate: visit(mutated.answer_details), mutatedAnswer: mutated };
  } catch {
    return { notHallucinate: true, mutatedAnswer: mutated };
  }
};
