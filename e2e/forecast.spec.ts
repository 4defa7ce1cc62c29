import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** "$1,234.50" -> "1234.50" */
const plain = (text: string) => text.replace(/[^0-9.-]/g, "");

test("a manager reads the forecast, and the API returns the same figures", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.getByRole("link", { name: "Forecast" }).click();
  await expect(page.getByRole("heading", { name: "Forecast", level: 1 })).toBeVisible();
  await expect(page.getByText(/This quarter · .* amounts in USD/)).toBeVisible();

  const open = await page.getByTestId("figure-open-pipeline").getByRole("link").innerText();
  const won = await page.getByTestId("figure-won").getByRole("link").innerText();
  const api = await page.request.get("/api/v1/forecast?groupBy=owner");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(plain(open)).toBe(body.headline.openAmount);
  expect(plain(won)).toBe(body.headline.wonAmount);
  await expect(page.getByTestId("owner-row")).toHaveCount(body.data.length);
  await expect(page.getByTestId("stage-row").first()).toBeVisible();
  await expect(page.getByTestId("category-COMMIT")).toBeVisible();
  await expect(page.getByRole("img", { name: /Bar chart of value by expected close month/ })).toBeVisible();
});

test("filters live in the URL and every figure links to its opportunities", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/forecast");
  await page.getByLabel("Period", { exact: true }).selectOption("year");
  await expect(page).toHaveURL(/period=year/);
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Alice Anders" });
  await expect(page).toHaveURL(/ownerId=/);
  await expect(page.getByTestId("owner-row")).toHaveCount(1);
  await expect(page.getByTestId("owner-row")).toContainText("Alice Anders");
  const ownerId = new URL(page.url()).searchParams.get("ownerId")!;

  const year = new Date().getUTCFullYear();
  const wonLink = page.getByTestId("figure-won").getByRole("link");
  const href = new URL((await wonLink.getAttribute("href"))!, "http://x");
  expect(href.pathname).toBe("/opportunities");
  expect(Object.fromEntries(href.searchParams)).toEqual({ status: "WON", ownerId, closeFrom: `${year}-01-01`, closeTo: `${year}-12-31` });
  const commit = new URL((await page.getByTestId("category-COMMIT").getByRole("link").first().getAttribute("href"))!, "http://x");
  expect(commit.searchParams.get("forecastCategory")).toBe("COMMIT");
  expect(commit.searchParams.get("status")).toBe("OPEN");
  await wonLink.click();
  await expect(page).toHaveURL(/\/opportunities\?status=WON/);

  await page.goto("/forecast?period=custom&from=2026-01-01&to=2026-03-31");
  await expect(page.getByText("Jan 1 – Mar 31, 2026")).toBeVisible();
  await page.goto("/forecast?period=custom&from=someday");
  await expect(page.getByRole("alert").filter({ hasText: "ignored" })).toContainText("from");
  await expect(page.getByText(/This quarter ·/)).toBeVisible();
});

test("the close-month chart has a table view and every table exports as CSV", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/forecast?period=year");
  await page.getByRole("group", { name: "Close month view" }).getByRole("button", { name: "Table" }).click();
  await expect(page.getByTestId("month-overdue")).toBeVisible();
  await expect(page.getByTestId("forecast-months").locator("tbody tr")).toHaveCount(13);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /forecast-by-owner\.csv/ }).click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  expect(lines[0]).toContain("Owner");
  expect(lines[0]).toContain("Won (USD)");
  expect(lines.length - 1).toBe(await page.getByTestId("owner-row").count());

  for (const name of ["forecast-by-month.csv", "forecast-by-stage.csv", "forecast-categories.csv"]) {
    const d = page.waitForEvent("download");
    await page.getByRole("button", { name: new RegExp(name.replace(".", "\\.")) }).click();
    expect((await d).suggestedFilename()).toBe(name);
  }
});

test("the owner table sorts by any column", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/forecast?period=year");
  const header = page.getByRole("columnheader", { name: /Owner/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const names = await page.getByTestId("owner-row").locator("th").allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await page.getByTestId("owner-row").locator("th").allInnerTexts()).toEqual([...names].reverse());
});

test("the forecast API refuses anonymous callers and names bad parameters", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const denied = await anonymous.get("/api/v1/forecast");
  expect(denied.status()).toBe(401);
  expect((await denied.json()).error.code).toBe("UNAUTHENTICATED");
  await anonymous.dispose();

  await signIn(page, "alice@example.com");
  const bad = await page.request.get("/api/v1/forecast?groupBy=region&period=custom&from=2026-02-01&to=2026-01-01");
  expect(bad.status()).toBe(422);
  const fields = (await bad.json()).error.fields;
  expect(Object.keys(fields).sort()).toEqual(["groupBy", "to"]);
});
