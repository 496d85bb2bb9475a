import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_JUDGE_PORT } from "../playwright.config";
import { STB_FIXTURES } from "../tests/support/fixtures";
import { E2E_ADMIN, importTestSet, signInThroughPage } from "./fixtures";

const JUDGE_CONTROL = `http://127.0.0.1:${E2E_JUDGE_PORT}/__config`;

test.afterEach(async ({ request }) => {
  await request.post(JUDGE_CONTROL, { data: { rules: [], latencyMs: 0 } });
});

test("[RUNS] an admin uploads answers, starts a SoPR run on the local judge, watches it reach 100% and finds it on the leaderboard", async ({ page, request }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const model = `run-cot-${suffix}`;
  const judgeName = `e2e-judge-${suffix}`;
  // The local judge finds every final answer solved, so the fixture's SoPR is known: 588 never calls Finish.
  await request.post(JUDGE_CONTROL, { data: { latencyMs: 1500, rules: [{ fn: "check_answer_status", contains: "", args: { answer_status: "Solved", reason: "e2e" } }] } });

  await signInThroughPage(page, E2E_ADMIN);
  await importTestSet(page);

  await page.goto("/upload");
  const uploader = page.getByTestId("uploader");
  await uploader.getByTestId("folder-input").setInputFiles(path.join(STB_FIXTURES, "data_example/answer/virtual_chatgpt_cot"));
  await uploader.getByTestId("check-button").click();
  await expect(uploader.getByTestId("report-status")).toContainText("Ready to store");
  await uploader.getByTestId("model-input").fill(model);
  await uploader.getByTestId("store-button").click();
  await expect(uploader.getByTestId("stored-message")).toContainText(`Stored ${model} version 1`);

  await page.goto("/admin/judges");
  const form = page.getByTestId("create-judge-form");
  await form.getByLabel("Name").fill(judgeName);
  await form.getByLabel("Model").fill("fake-judge");
  await form.getByLabel("Calls in flight (all workers)").fill("2");
  await form.getByRole("button", { name: "Add judge" }).click();
  await expect(form.getByText(`Added ${judgeName}`)).toBeVisible();
  const row = page.getByTestId("judges-table").getByRole("row").filter({ hasText: judgeName });
  await row.getByTestId("test-judge").click();
  await expect(row.getByTestId("judge-test-result")).toContainText("OK: fake-judge answered");

  await page.goto("/runs/new");
  const runForm = page.getByTestId("new-run-form");
  await runForm.getByLabel("Model").selectOption(model);
  await runForm.getByLabel("Protocol").selectOption("sopr");
  await runForm.getByLabel("Judge").selectOption({ label: `${judgeName} (fake-judge, 2 in flight)` });
  await runForm.getByRole("button", { name: "Estimate cost" }).click();
  await expect(runForm.getByTestId("estimate")).toContainText("9 items");
  await runForm.getByTestId("start-run").click();

  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const percent = page.getByTestId("run-progress-percent");
  await expect(percent).not.toHaveText("100%");
  await expect(percent).toHaveText("100%", { timeout: 60_000 });
  await expect(page.getByTestId("run-status")).toHaveText("completed");
  await expect(page.getByTestId("result-G1_instruction")).toContainText("66.7 ± 0.0");
  await expect(page.getByTestId("judge-calls")).toHaveText("6");

  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(`StableToolBench · Solvable pass rate \\(SoPR\\) · ${judgeName}`) }).click();
  const leaderboardRow = page.getByTestId("leaderboard-row").filter({ hasText: model });
  await expect(leaderboardRow).toContainText("66.7 ± 0.0");
});
