import type { ConversionStep, FailAt } from "./convert-steps";
import type { RawTreeNode } from "../formats/raw-answer";
import type { Rng } from "../random";

/** An Action and its Action Input merged into one tool call; a missing observation is empty. */
const toolStep = (action: RawTreeNode, input: RawTreeNode): ConversionStep => ({
  role: "tool",
  message: { name: action.description, arguments: input.description, response: input.observation ?? "" },
});

/**
 * The CoT invalid path (spec §1.4): one try's chain, Thoughts as assistant steps and each Action
 * with the Action Input right after it as a tool step. Note that a Finish call keeps its
 * observation here (e.g. the give-up notice), unlike the valid path.
 */
export const stepsFromChain = ({
  chain,
  path,
  fail,
}: {
  chain: readonly RawTreeNode[];
  path: string;
  fail: FailAt;
}): ConversionStep[] => {
  const steps: ConversionStep[] = [];
  for (let index = 0; index < chain.length; index += 1) {
    const node = chain[index]!;
    if (node.node_type === "Thought") {
      steps.push({ role: "assistant", message: node.description });
      continue;
    }
    if (node.node_type === "Action Input") {
      fail(`${path}[${index}]`, "an Action Input node must follow an Action node");
    }
    const input = chain[index + 1];
    if (input?.node_type !== "Action Input") {
      fail(`${path}[${index}]`, `the Action "${node.description}" is not followed by an Action Input node`);
    }
    steps.push(toolStep(node, input!));
    index += 1;
  }

  return steps;
};

type GraphNode = ConversionStep & { children: GraphNode[] };

/**
 * DFS purification, applied top-down: an Action absorbs its first Action Input child (the input's
 * children follow the Action's remaining children), a Thought becomes an assistant step. Extra
 * Action Inputs, and Actions without any, stay as they are with the raw tree node as message.
 */
const purify = (node: RawTreeNode): GraphNode => {
  const children = node.children ?? [];
  if (node.node_type === "Thought") {
    return { role: "assistant", message: node.description, children: children.map(purify) };
  }
  const inputAt = node.node_type === "Action" ? children.findIndex((child) => child.node_type === "Action Input") : -1;
  if (inputAt < 0) return { role: node.node_type, message: node, children: children.map(purify) };
  const input = children[inputAt]!;
  const rest = [...children.filter((_, at) => at !== inputAt), ...(input.children ?? [])];

  return { ...toolStep(node, input), children: rest.map(purify) };
};

/**
 * The DFS invalid path (spec §1.4): the search tree below the root is purified, then one branch is
 * picked by a random walk from the top to a leaf, choosing uniformly among children at every node.
 */
export const stepsFromTree = ({
  root,
  path,
  rng,
  fail,
}: {
  root: RawTreeNode;
  path: string;
  rng: Rng;
  fail: FailAt;
}): ConversionStep[] => {
  const topLevel = (root.children ?? []).map(purify);
  if (topLevel.length === 0) fail(`${path}.children`, "the search tree has no node below its root to convert");
  const steps: ConversionStep[] = [];
  for (let options = topLevel; options.length > 0; ) {
    const { role, message, children } = rng.choice(options);
    steps.push({ role, message });
    options = children;
  }

  return steps;
};
