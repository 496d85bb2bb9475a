import { z } from "zod";
import type { ApiStyle } from "../evaluator/build-request";
import type { JudgeFunctionSchema } from "../evaluator/types";
import type { AttemptFailure } from "./error";
import { replySchemaFor } from "./reply-schema";

export type JudgeUsage = { promptTokens: number; completionTokens: number; totalTokens: number };

type ChatResponse = {
  choices?: { message?: { tool_calls?: { function?: { arguments?: string } }[]; function_call?: { arguments?: string } | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
};

type Parsed =
  | { ok: true; args: Record<string, unknown>; reason?: string; raw: unknown; usage?: JudgeUsage }
  | { ok: false; failure: AttemptFailure };

const badOutput = (message: string): Parsed => ({ ok: false, failure: { kind: "bad_output", message, retryable: true } });

/**
 * Reads the forced call's arguments from a chat completion (`tool_calls[0]` or the legacy
 * `function_call`), parses them with JSON.parse and validates them against the function's schema.
 * The `reason` argument is returned separately from the verdict arguments.
 */
export const parseToolCall = ({ response, apiStyle, schema }: { response: unknown; apiStyle: ApiStyle; schema: JudgeFunctionSchema }): Parsed => {
  const { choices, usage } = response as ChatResponse;
  const message = choices?.[0]?.message;
  const text = apiStyle === "tools" ? message?.tool_calls?.[0]?.function?.arguments : message?.function_call?.arguments;
  if (typeof text !== "string") return badOutput(`the reply has no ${apiStyle === "tools" ? "tool call" : "function call"}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return badOutput(`arguments are not valid JSON: ${text.slice(0, 200)}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return badOutput("arguments are not a JSON object");
  const validated = replySchemaFor(schema).safeParse(json);
  if (!validated.success) return badOutput(`arguments do not match ${schema.name}: ${z.prettifyError(validated.error)}`);
  const { reason, ...args } = validated.data;

  return {
    ok: true,
    args,
    reason: typeof reason === "string" ? reason : undefined,
    raw: message,
    usage: usage
      ? { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0, totalTokens: usage.total_tokens ?? 0 }
      : undefined,
  };
};
