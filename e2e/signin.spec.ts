import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

interface Row {
  title: string;
  owner: string;
  isPrivate: boolean;
}

async function allRows(page: Page): Promise<Row[]> {
  const rows: Row[] = [];
  for (let n = 1; ; n++) {
    await page.goto(`/opportunities?pageSize=100&page=${n}`);
    const table = page.getByTestId("opportunity-row");
    await expect(table.first()).toBeVisible();
    for (const row of await table.all()) {
      const cells = row.locator("td");
      rows.push({
        title: (await cells.nth(0).innerText()).trim(),
        owner: (await cells.nth(5).innerText()).trim(),
        isPrivate: (await row.getByLabel("Private").count()) > 0,
      });
    }
    if ((await page.getByRole("link", { name: "Next", exact: true }).getAttribute("aria-disabled")) === "true") break;
  }
  return rows;
}

test("anonymous visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/opportunities");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
});

test("a wrong password gets a clear message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText("Incorrect email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("alice@example.com");
});

test("alice sees her opportunities but not bob's private ones", async ({ page }) => {
  await signIn(page, "bob@example.com");
  const bobsPrivate = (await allRows(page)).filter((r) => r.owner === "Bob Baker" && r.isPrivate).map((r) => r.title);
  expect(bobsPrivate.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, "alice@example.com");
  await expect(page.getByRole("heading", { name: "Opportunities" })).toBeVisible();
  const alices = await allRows(page);
  expect(alices.filter((r) => r.owner === "Alice Anders").length).toBeGreaterThan(10);
  expect(alices.some((r) => r.owner === "Alice Anders" && r.isPrivate)).toBe(true);
  const seen = new Set(alices.map((r) => r.title));
  for (const title of bobsPrivate) expect(seen.has(title), `alice must not see "${title}"`).toBe(false);
});

test("the table sorts and paginates through the URL", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/opportunities");
  await page.getByRole("link", { name: "Amount" }).click();
  await expect(page).toHaveURL(/sort=amount/);
  await expect(page.getByRole("columnheader", { name: "Amount" })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Showing 26–50 of \d+/)).toBeVisible();
});

test("ten failed sign-ins pause sign-in for that account with a clear message", async ({ browser }) => {
  // A made-up address (as a reverse proxy would report it), so no other test's address gets locked.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.99" } });
  const page = await context.newPage();
  await page.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill("lockout-test@example.com");
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // React resets the form when the action has answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("guess-10");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/sign-in is paused for 15 minutes/);
  await context.close();
});
