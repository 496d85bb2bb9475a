import type { TemplateMessage } from "./types";

/**
 * Function templates (spec §4.1): every `<function><name>N</name><description>TEXT</description></function>`
 * block maps N → TEXT. Like ToolEval's non-greedy DOTALL regexes, TEXT keeps its leading and trailing
 * newline and the first tag of each kind inside a block wins; a later block with the same name replaces
 * an earlier one (a Python dict assignment).
 */
export const parseFunctionTemplates = (template: string): Record<string, string> => {
  const templates: Record<string, string> = {};
  for (const [, block = ""] of template.matchAll(/<function>([\s\S]*?)<\/function>/g)) {
    const name = /<name>([\s\S]*?)<\/name>/.exec(block)?.[1];
    const description = /<description>([\s\S]*?)<\/description>/.exec(block)?.[1];
    if (name === undefined || description === undefined) {
      throw new Error("A <function> block needs both a <name> and a <description> tag");
    }
    templates[name] = description;
  }

  return templates;
};

/** Message templates of the legacy `fn` evaluator: `<message><role>R</role><content>C</content></message>`. */
export const parseMessageTemplates = (template: string): TemplateMessage[] => {
  const messages: TemplateMessage[] = [];
  for (const [, block = ""] of template.matchAll(/<message>([\s\S]*?)<\/message>/g)) {
    const role = /<role>([\s\S]*?)<\/role>/.exec(block)?.[1];
    const content = /<content>([\s\S]*?)<\/content>/.exec(block)?.[1];
    if (role === undefined || content === undefined) {
      throw new Error("A <message> block needs both a <role> and a <content> tag");
    }
    messages.push({ role, content });
  }

  return messages;
};
