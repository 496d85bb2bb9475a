/**
 * Expected failures, shown to the user as they are. Anything else is logged on the server and
 * replaced by a generic message, so internals and secrets never reach the browser.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "JUDGE_UNAVAILABLE",
  "JUDGE_BAD_OUTPUT",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  JUDGE_UNAVAILABLE: 503,
  JUDGE_BAD_OUTPUT: 502,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return HTTP_STATUS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export const GENERIC_ERROR = "Something went wrong on the server. The error was logged.";
