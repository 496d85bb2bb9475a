import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_ADMIN, E2E_BASE_URL, E2E_DATA_DIR, signInThroughApi, signInThroughPage, uniqueEmail } from "./fixtures";

test("[LEADERBOARD] a visitor sees the demo leaderboard, clearly marked as demo", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expect(page.getByTestId("leaderboard-row")).toHaveCount(2);
  await expect(page.getByTestId("demo-badge")).toBeVisible();
  await expect(page.getByTestId("leaderboard")).toContainText("demo-dfsdt");
  await expect(page.getByText("Sign in")).toBeVisible();
});

test("[AUTH] the admin signs in and sees the admin page", async ({ page }) => {
  await signInThroughPage(page, E2E_ADMIN);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
  await expect(page.getByTestId("users-table")).toContainText(E2E_ADMIN.email);
});

test("[AUTH] a visitor and an annotator calling the admin action directly are refused", async ({ page }) => {
  await signInThroughPage(page, E2E_ADMIN);
  const annotator = { email: uniqueEmail("annotator"), password: "annotator-password" };
  await page.goto("/admin");
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("Email").fill(annotator.email);
  await form.getByLabel("Name").fill("Annotator");
  await form.getByLabel("Password").fill(annotator.password);
  await form.getByLabel("Role").selectOption("annotator");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText(`Created ${annotator.email}`)).toBeVisible();

  // Capture the exact server-action request the admin page sends, without letting it through.
  const victim = uniqueEmail("created-by-replay");
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/admin", async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) {
      captured = { headers, body: route.request().postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  // React resets a form after a successful action, so every field is filled again.
  await form.getByLabel("Email").fill(victim);
  await form.getByLabel("Name").fill("Replayed");
  await form.getByLabel("Password").fill("replayed-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/admin");

  const replay = async (context: Awaited<ReturnType<typeof playwrightRequest.newContext>>) => {
    const response = await context.post("/admin", {
      headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component", origin: E2E_BASE_URL },
      data: captured!.body,
    });

    return response.text();
  };

  const visitor = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  expect(await replay(visitor)).toContain("Sign in to do this");

  const annotatorContext = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInThroughApi(annotatorContext, annotator);
  expect(await replay(annotatorContext)).toContain("may not do this");

  await page.goto("/admin");
  await expect(page.getByTestId("users-table")).not.toContainText(victim);

  // The same request from the admin goes through: only the caller's identity made the difference.
  const adminContext = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInThroughApi(adminContext, E2E_ADMIN);
  expect(await replay(adminContext)).toContain(victim);
  await page.reload();
  await expect(page.getByTestId("users-table")).toContainText(victim);
});

test("[AUTH] the annotator sees no admin area", async ({ page, browser }) => {
  await signInThroughPage(page, E2E_ADMIN);
  const annotator = { email: uniqueEmail("annotator2"), password: "annotator-password" };
  await page.goto("/admin");
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("Email").fill(annotator.email);
  await form.getByLabel("Name").fill("Second annotator");
  await form.getByLabel("Password").fill(annotator.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText(`Created ${annotator.email}`)).toBeVisible();

  const context = await browser.newContext();
  const annotatorPage = await context.newPage();
  await signInThroughPage(annotatorPage, annotator);
  await annotatorPage.goto("/admin");
  await expect(annotatorPage.getByTestId("forbidden")).toBeVisible();
  await context.close();
});

test("[SECURITY] no secret reaches the browser", async ({ page }) => {
  const responses: string[] = [];
  page.on("response", async (response) => {
    if (response.url().startsWith(E2E_BASE_URL)) responses.push(await response.text().catch(() => ""));
  });
  await signInThroughPage(page, E2E_ADMIN);
  for (const path of ["/", "/admin", "/runs", "/upload", "/stats", "/label"]) await page.goto(path);
  const everything = responses.join("\n");
  const dataDir = path.resolve(E2E_DATA_DIR);
  const installationSecret = fs.readFileSync(path.join(dataDir, "secret"), "utf8").trim();
  const databasePassword = (JSON.parse(fs.readFileSync(path.join(dataDir, "pg.json"), "utf8")) as { password: string }).password;
  for (const secret of [E2E_ADMIN.password, "e2e-local-judge", "postgresql://", installationSecret, databasePassword]) {
    expect(everything).not.toContain(secret);
  }
});
