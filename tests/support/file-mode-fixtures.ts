/** Fixture paths and a fast-retrying fake-judge client for the file-mode runner tests. */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FakeJudge } from "./fake-judge-server";
import { DEFAULT_EVALUATOR } from "../../lib/tooleval/evaluator/default-evaluator";
import { createJudgeClient } from "../../lib/tooleval/judge/client";
import { STB_FIXTURES } from "./fixtures";

export const STB = STB_FIXTURES;
export const CONVERTED = path.join(STB, "data_example/model_predictions_converted");
export const TEST_IDS = path.join(STB, "solvable_queries_example/test_query_ids");

export const tempDir = () => mkdtemp(path.join(os.tmpdir(), "tooleval-run-"));

/** A judge client on the fake server that retries quickly (no real sleeping) and times out fast. */
export const fakeJudgeClient = (server: FakeJudge, options: { maxAttempts?: number; timeoutMs?: number } = {}) =>
  createJudgeClient({
    evaluator: DEFAULT_EVALUATOR,
    baseURL: server.url,
    apiKey: "test-key",
    maxAttempts: options.maxAttempts ?? 8,
    timeoutMs: options.timeoutMs ?? 1500,
    sleep: async () => {},
  }).judge;
