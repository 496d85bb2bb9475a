import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { STB_FIXTURES } from "../tests/support/fixtures";
import { E2E_ADMIN, importTestSet, signInThroughPage } from "./fixtures";

const EXAMPLE = path.join(STB_FIXTURES, "data_example");
const MODELS = [
  { name: "virtual_chatgpt_cot", method: "CoT@1" },
  { name: "virtual_chatgpt_dfs", method: "DFS_woFilter_w2" },
] as const;

test("[SUBMISSIONS] an admin imports the test set, uploads raw CoT and DFS answer folders, and gets them back exactly as ToolEval converts them", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, E2E_ADMIN);
  await importTestSet(page);

  for (const model of MODELS) {
    await page.goto("/upload");
    const uploader = page.getByTestId("uploader");
    await expect(uploader.getByTestId("benchmark-select")).toHaveValue("StableToolBench");
    await uploader.getByTestId("folder-input").setInputFiles(path.join(EXAMPLE, "answer", model.name));
    await expect(uploader.getByTestId("picked-count")).toContainText("3 files");
    await uploader.getByTestId("check-button").click();
    await expect(uploader.getByTestId("report-status")).toContainText("Ready to store");
    await expect(uploader.locator('[data-testid="report-set"][data-set="G1_instruction"] [data-testid="report-answers"]')).toHaveText("3");
    await expect(uploader.getByTestId("model-input")).toHaveValue(model.name);
    await expect(uploader.getByTestId("method-input")).toHaveValue(model.method);
    await uploader.getByTestId("store-button").click();
    await expect(uploader.getByTestId("stored-message")).toContainText(`Stored ${model.name} version 1`);
  }

  await page.goto("/upload");
  for (const model of MODELS) {
    const row = page.locator(`[data-testid="model-version"][data-model="${model.name}"][data-version="1"]`);
    await expect(row.locator('[data-testid="model-set"][data-set="G1_instruction"] [data-testid="set-answers"]')).toHaveText("3");
    const href = await row.getByTestId("download-set").getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.ok()).toBe(true);
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLE, "model_predictions_converted", model.name, "G1_instruction.json"), "utf8"));
    expect(await response.json()).toStrictEqual(expected);
  }

  // The same folder again is recognised: no second version.
  const uploader = page.getByTestId("uploader");
  await uploader.getByTestId("folder-input").setInputFiles(path.join(EXAMPLE, "answer", "virtual_chatgpt_cot"));
  await uploader.getByTestId("check-button").click();
  await uploader.getByTestId("store-button").click();
  await expect(uploader.getByTestId("stored-message")).toContainText("Already stored: virtual_chatgpt_cot version 1 has the same content");
  await expect(page.locator('[data-testid="model-version"][data-model="virtual_chatgpt_cot"]')).toHaveCount(1);

  await page.getByRole("link", { name: "virtual_chatgpt_cot" }).first().click();
  await expect(page.getByTestId("model-name")).toContainText("virtual_chatgpt_cot");
  await expect(page.getByTestId("solution-path")).toContainText("Query 588");
  await expect(page.getByTestId("path-step").first()).toBeVisible();
});

test("[SUBMISSIONS] a malformed file is reported with its name and field, and nothing can be stored", async ({ page }) => {
  await signInThroughPage(page, E2E_ADMIN);
  await importTestSet(page);
  await page.goto("/upload");
  const uploader = page.getByTestId("uploader");
  const good = fs.readFileSync(path.join(EXAMPLE, "answer/virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json"));
  const bad = JSON.parse(good.toString());
  bad.answer_generation.final_answer = 7;
  await uploader.getByTestId("file-input").setInputFiles([
    { name: "1073_CoT@1.json", mimeType: "application/json", buffer: good },
    { name: "608_CoT@1.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) },
  ]);
  await uploader.getByLabel("Test set").selectOption("G1_instruction");
  await uploader.getByTestId("check-button").click();
  await expect(uploader.getByTestId("report-status")).toContainText("Nothing can be stored");
  const failure = uploader.getByTestId("report-failure");
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText("608_CoT@1.json");
  await expect(failure).toContainText("answer_generation.final_answer");
  await expect(uploader.getByTestId("store-button")).toHaveCount(0);
});

test("[SUBMISSIONS] a visitor sees the stored models but no uploader", async ({ page }) => {
  await page.goto("/upload");
  await expect(page.getByTestId("upload-sign-in")).toBeVisible();
  await expect(page.getByTestId("uploader")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Stored models" })).toBeVisible();
});
