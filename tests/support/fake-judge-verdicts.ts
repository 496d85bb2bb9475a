import { createHash } from "node:crypto";

/** A rule: when the user message contains `contains` (and the function matches), answer with `args`. */
export type FakeJudgeRule = { fn?: string; contains: string; args: Record<string, unknown> };

/** Decides the arguments for a forced call; return undefined to fall back to rules and the hash policy. */
export type FakeJudgeDecide = (fn: string, userContent: string, body: Record<string, unknown>) => Record<string, unknown> | undefined;

type PropertySchema = { type?: string; enum?: unknown[] };
export type ForcedFunction = { name: string; properties: Record<string, PropertySchema> };

/** A stable 32-bit hash of text, so verdicts depend only on the request content. */
export const stableHash = (text: string): number => createHash("sha256").update(text).digest().readUInt32BE(0);

/**
 * The default policy: every argument is picked by a hash of the function name, the argument name and
 * the user message, so the same prompt always gets the same verdict (with or without injected faults).
 */
const hashedArgs = ({ name, properties }: ForcedFunction, userContent: string): Record<string, unknown> => {
  const args: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (key === "reason") continue;
    const h = stableHash(`${name}\u0000${key}\u0000${userContent}`);
    if (Array.isArray(property.enum) && property.enum.length > 0) args[key] = property.enum[h % property.enum.length];
    else if (property.type === "number" || property.type === "integer") args[key] = h % 2;
    else if (property.type === "boolean") args[key] = h % 2 === 0;
    else args[key] = `value-${h % 1000}`;
  }

  return args;
};

/** The verdict for a forced call: custom `decide`, then the first matching rule, then the hash policy. */
export const decideArgs = ({
  fn,
  userContent,
  body,
  rules,
  decide,
}: {
  fn: ForcedFunction;
  userContent: string;
  body: Record<string, unknown>;
  rules: FakeJudgeRule[];
  decide?: FakeJudgeDecide;
}): Record<string, unknown> => {
  const defaults = hashedArgs(fn, userContent);
  const custom = decide?.(fn.name, userContent, body);
  const rule = rules.find((candidate) => (!candidate.fn || candidate.fn === fn.name) && userContent.includes(candidate.contains));
  const args = { ...defaults, ...(custom ?? rule?.args ?? {}) };
  if ("reason" in fn.properties && typeof args.reason !== "string") {
    args.reason = `fake verdict for ${fn.name} (${stableHash(userContent) % 10_000})`;
  }

  return args;
};

/** The forced function of a request: `tools` + `tool_choice` or legacy `functions` + `function_call`. */
export const forcedFunction = (body: Record<string, unknown>): { fn: ForcedFunction; style: "tools" | "functions" } | undefined => {
  const toolChoice = body.tool_choice as { function?: { name?: string } } | undefined;
  const functionCall = body.function_call as { name?: string } | undefined;
  type Schema = { name?: string; parameters?: { properties?: Record<string, PropertySchema> } };
  const pick = (schemas: Schema[] | undefined, name: string | undefined) => {
    const schema = schemas?.find((item) => item.name === name) ?? schemas?.[0];

    return schema?.name ? { name: schema.name, properties: schema.parameters?.properties ?? {} } : undefined;
  };
  if (Array.isArray(body.tools)) {
    const fn = pick((body.tools as { function?: Schema }[]).map((tool) => tool.function ?? {}), toolChoice?.function?.name);

    return fn ? { fn, style: "tools" } : undefined;
  }
  if (Array.isArray(body.functions)) {
    const fn = pick(body.functions as Schema[], functionCall?.name);

    return fn ? { fn, style: "functions" } : undefined;
  }

  return undefined;
};
