import type { FakeJudgeDecide, FakeJudgeRule } from "./fake-judge-verdicts";

export const FAULT_KINDS = ["rate_limit", "server_error", "hang", "reset", "malformed"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Runtime-adjustable behaviour (also settable over `POST /__config`). */
export type FakeJudgeConfig = {
  /** Fixed delay before every answer. */
  latencyMs: number;
  /** Share of requests answered with a fault, decided by a seeded generator. */
  faultRate: number;
  /** Faults to draw from, uniformly. */
  faultKinds: FaultKind[];
  /** At most this many faults for one identical request, so a retrying client always gets through. */
  maxFaultsPerRequest: number;
  /** Sent as `retry-after-ms` with injected 429s. */
  retryAfterMs: number;
  /** How long a hung request stays open before its socket is destroyed. */
  hangMs: number;
  seed: string;
  rules: FakeJudgeRule[];
  /** When set, requests with another bearer token get a 401. */
  apiKey?: string;
};

export type FakeJudgeOptions = Partial<FakeJudgeConfig> & {
  port?: number;
  host?: string;
  decide?: FakeJudgeDecide;
  /** Keep every chat request body for assertions (off by default: benchmarks send many). */
  recordRequests?: boolean;
};

export type FakeJudgeStats = {
  totalRequests: number;
  /** Requests per forced function, including faulted ones. */
  callsByFunction: Record<string, number>;
  /** Verdicts actually delivered per function. */
  verdictsByFunction: Record<string, number>;
  faultsInjected: Record<FaultKind, number>;
  inFlight: number;
  maxInFlight: number;
};

export type FakeJudge = {
  /** OpenAI base URL, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  port: number;
  stats: () => FakeJudgeStats;
  requests: () => Record<string, unknown>[];
  setConfig: (config: Partial<FakeJudgeConfig>) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export const DEFAULTS: FakeJudgeConfig = {
  latencyMs: 0,
  faultRate: 0,
  faultKinds: [...FAULT_KINDS],
  maxFaultsPerRequest: Number.POSITIVE_INFINITY,
  retryAfterMs: 20,
  hangMs: 30_000,
  seed: "fake-judge",
  rules: [],
};

export const emptyStats = (): FakeJudgeStats => ({
  totalRequests: 0,
  callsByFunction: {},
  verdictsByFunction: {},
  faultsInjected: { rate_limit: 0, server_error: 0, hang: 0, reset: 0, malformed: 0 },
  inFlight: 0,
  maxInFlight: 0,
});

/** Merges only the defined values, so `{ latencyMs: undefined }` keeps the current latency. */
export const merge = (config: FakeJudgeConfig, partial: Partial<FakeJudgeConfig>): FakeJudgeConfig => ({
  ...config,
  ...Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)),
});
