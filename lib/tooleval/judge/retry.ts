import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { AttemptFailure } from "./error";

/** Longest server-requested wait we honour; beyond it the server is treated as unavailable. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** `retry-after-ms` (OpenAI's extension) or `retry-after` (seconds or an HTTP date), in ms. */
export const parseRetryAfter = (headers: Headers | undefined, nowMs: number): number | undefined => {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const header = headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number.parseFloat(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(header);

  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
};

/** Classifies an error thrown by the OpenAI SDK into a retry decision (no secrets in the message). */
export const classifyError = (error: unknown, nowMs: number): AttemptFailure => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return { kind: "timeout", message: "request timed out", retryable: true };
  }
  if (error instanceof APIConnectionError) return { kind: "connection", message, retryable: true };
  if (error instanceof APIError && typeof error.status === "number") {
    const { status } = error;
    if (status === 429) return { kind: "rate_limited", message, retryable: true, status, retryAfterMs: parseRetryAfter(error.headers, nowMs) };
    if (status === 408) return { kind: "timeout", message, retryable: true, status };
    if (status >= 500) return { kind: "server_error", message, retryable: true, status, retryAfterMs: parseRetryAfter(error.headers, nowMs) };

    return { kind: "client_error", message, retryable: status === 409, status };
  }

  return { kind: "connection", message, retryable: true };
};

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(max, base·2^(attempt−1))). A
 * server-requested wait replaces it, so a rate-limited client slows down as the server asks.
 */
export const retryDelay = ({
  attempt,
  baseDelayMs,
  maxDelayMs,
  retryAfterMs,
  random,
}: {
  attempt: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterMs?: number;
  random: () => number;
}): number => {
  if (retryAfterMs !== undefined) return retryAfterMs;

  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
};
