import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a salesperson creates an API key, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await signIn(page, "alice@example.com");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name")).toBeVisible();

  await page.getByLabel("Key name").fill("Spreadsheet sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(secret).toMatch(/^pcrm_\w{8}_\w{32}$/);
  await expect(page.getByTestId("api-key-table")).toContainText("Spreadsheet sync");

  const me = await request.get("/api/v1/users?q=alice", { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).data[0].email).toBe("alice@example.com");

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByTestId("api-key-table")).not.toContainText(secret);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: /Spreadsheet sync/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /Spreadsheet sync/ })).toContainText("Revoked");
  const after = await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});

test("the API reference renders the generated document", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.locator("#getUsers")).toContainText("/api/v1/users");
  const doc = await page.request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
});
