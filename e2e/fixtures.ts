import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_BASE_URL, E2E_DATA_DIR } from "../playwright.config";

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
