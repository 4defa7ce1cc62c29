// At a phone's width (390 px) no page may be wider than the screen: wide
// tables scroll inside their card, the settings sections become a strip that
// scrolls sideways with the current one in view.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

const PAGES = ["/board", "/opportunities", "/forecast", "/accounts", "/contacts"];
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
] as const;

test("every page and settings section fits a 390 px screen", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@example.com");
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await pageWidth(), path).toBeLessThanOrEqual(390);
  }
  for (const [path, section] of SETTINGS) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await pageWidth(), path).toBeLessThanOrEqual(390);
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: section })).toBeInViewport();
  }
});
