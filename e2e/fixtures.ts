import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_BASE_URL, E2E_DATA_DIR } from "../playwright.config";
import { STB_FIXTURES } from "../tests/support/fixtures";

export { E2E_ADMIN, E2E_BASE_URL, E2E_DATA_DIR };

/** Signs in through the page, as a person would. */
export const signInThroughPage = async (page: Page, { email, password }: { email: string; password: string }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
};

/** Signs a request context in through the auth API (the session cookie lands in the context). */
export const signInThroughApi = async (request: APIRequestContext, { email, password }: { email: string; password: string }) => {
  const response = await request.post("/api/auth/sign-in/email", { data: { email, password }, headers: { Origin: E2E_BASE_URL } });
  expect(response.ok(), await response.text()).toBe(true);
};

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;

/** Imports StableToolBench's G1_instruction (163 queries) through the admin page; a re-import changes nothing. */
export const importTestSet = async (page: Page) => {
  await page.goto("/admin");
  const form = page.getByTestId("import-queries-form");
  await form.getByLabel("Benchmark").fill("StableToolBench");
  await form.getByLabel("Test set", { exact: true }).fill("G1_instruction");
  await form.locator('input[name="queries"]').setInputFiles(path.join(STB_FIXTURES, "solvable_queries/test_instruction/G1_instruction.json"));
  await form.locator('input[name="ids"]').setInputFiles(path.join(STB_FIXTURES, "solvable_queries/test_query_ids/G1_instruction.json"));
  await form.getByRole("button", { name: "Import queries" }).click();
  await expect(page.getByTestId("import-queries-result")).toContainText("StableToolBench / G1_instruction: 163 queries");
};
