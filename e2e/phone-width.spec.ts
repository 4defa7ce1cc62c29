// At a phone's width (390 px) no page may be wider than the screen: wide
// tables scroll inside their card, the settings sections become a strip that
// scrolls sideways with the current one in view. Every page of the app is
// checked (e2e/support/pages.ts, which must list them all), and every
// destination of the top bar is reachable.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { PAGES } from "./support/pages";

test.use({ viewport: { width: 390, height: 844 } });

const SETTINGS = [
  ["/settings/pipelines", "Pipelines"],
  ["/settings/fields", "Custom fields"],
  ["/settings/users", "Users"],
  ["/settings/products", "Products"],
  ["/settings/currencies", "Currencies"],
  ["/settings/lists", "Lists"],
  ["/settings/quotas", "Quotas"],
  ["/settings/audit", "Audit log"],
  ["/settings/api-keys", "API keys"],
  ["/settings/webhooks", "Webhooks"],
] as const;

test("every page fits a 390 px screen", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@example.com");
  const anonymous = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const pageWidth = (p: typeof page) => p.evaluate(() => document.documentElement.scrollWidth);
  const tooWide: string[] = [];
  for (const [path, row] of Object.entries(PAGES)) {
    const p = row.anonymous ? anonymous : page;
    await p.goto(await row.url(page));
    await p.waitForLoadState("networkidle");
    const width = await pageWidth(p);
    if (width > 390) tooWide.push(`${path}: ${width} px`);
  }
  await anonymous.close();
  expect(tooWide).toEqual([]);
});

test("every settings section's link is in view on its page", async ({ page }) => {
  await signIn(page, "admin@example.com");
  for (const [path, section] of SETTINGS) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: section })).toBeInViewport();
  }
});

test("every destination of the phone's top bar is reachable and marked when current", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/board");
  const nav = page.getByRole("navigation", { name: "Main" });
  const links = nav.getByRole("link");
  const names = await links.evaluateAll((els) => els.map((e) => [e.textContent?.trim() ?? "", e.getAttribute("href") ?? ""]));
  expect(names.map(([name]) => name)).toEqual(["Board", "Opportunities", "Forecast", "Accounts", "Contacts", "Import", "Settings", "API keys", "API reference"]);
  for (const [name, href] of names) {
    const link = nav.getByRole("link", { name, exact: true });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
    // Opened by URL: a client-side navigation away from a settings page currently crashes (reported separately).
    await page.goto(href);
    // Exactly one destination is current: the one just opened (API keys is not also Settings).
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
  }
});
