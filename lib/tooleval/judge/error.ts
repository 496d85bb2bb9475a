/** Why a judge call failed. Only `client_error` (a 4xx other than 408/409/429) is never retried. */
export type JudgeErrorKind = "rate_limited" | "server_error" | "timeout" | "connection" | "bad_output" | "client_error";

/**
 * A judge call that failed every attempt (or failed in a way retrying cannot fix). Protocols let it
 * propagate, so an evaluation round ends as an error instead of a silent "Unsure". The message never
 * contains the API key.
 */
export class JudgeError extends Error {
  readonly kind: JudgeErrorKind;
  readonly attempts: number;
  readonly status?: number;

  constructor({ kind, message, attempts, status }: { kind: JudgeErrorKind; message: string; attempts: number; status?: number }) {
    super(`judge ${kind} after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${message}`);
    this.name = "JudgeError";
    this.kind = kind;
    this.attempts = attempts;
    this.status = status;
  }
}

/** One failed attempt, before the retry decision. */
export type AttemptFailure = {
  kind: JudgeErrorKind;
  message: string;
  retryable: boolean;
  status?: number;
  /** Server-requested wait from `retry-after-ms` / `retry-after`, in ms. */
  retryAfterMs?: number;
};
