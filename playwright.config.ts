import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against a production build in Debian's Chromium (`/usr/bin/chromium`, or
 * CHROMIUM_PATH), with the app started by `npm start` on its own port and data folder, and a local
 * OpenAI-compatible judge server. Nothing here reaches the network.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_JUDGE_PORT = Number(process.env.E2E_JUDGE_PORT ?? 4710);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".tooleval-e2e/current";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    {
      command: `node --import tsx tests/support/fake-judge-cli.ts --port ${E2E_JUDGE_PORT}`,
      url: `http://127.0.0.1:${E2E_JUDGE_PORT}/__stats`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node --import tsx e2e/serve.ts",
      url: `${E2E_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
      env: {
        PORT: String(E2E_PORT),
        HOST: "127.0.0.1",
        TOOLEVAL_DATA_DIR: E2E_DATA_DIR,
        TOOLEVAL_ADMIN_EMAIL: E2E_ADMIN.email,
        TOOLEVAL_ADMIN_PASSWORD: E2E_ADMIN.password,
        TOOLEVAL_SEED_DEMO: "1",
        OPENAI_BASE_URL: `http://127.0.0.1:${E2E_JUDGE_PORT}/v1`,
        OPENAI_API_KEY: "e2e-local-judge",
        EVAL_MODEL: "fake-judge",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
