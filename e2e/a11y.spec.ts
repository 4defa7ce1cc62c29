// axe-core on every page of the app, in the light and the dark theme: no
// serious or critical violation anywhere. The pages come from e2e/support/pages.ts,
// whose rows must match the page files (a new page without a row fails).
import { createRequire } from "node:module";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { appPages } from "../tests/support/app-routes";
import { signIn } from "./helpers";
import { PAGES } from "./support/pages";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe (WCAG 2.2 A and AA, best practices, and the experimental label-content-name-mismatch) on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()}`).join("\n")}`);
}

test("every page has a row in the page table", () => {
  expect(Object.keys(PAGES).sort()).toEqual(appPages());
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    let context: BrowserContext;
    let anonymous: BrowserContext;
    test.beforeAll(async ({ browser }) => {
      context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
      anonymous = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
      await signIn(await context.newPage(), "admin@example.com");
    });
    test.afterAll(async () => {
      await context.close();
      await anonymous.close();
    });

    for (const [path, row] of Object.entries(PAGES)) {
      test(`${path}: no serious or critical axe violation`, async () => {
        const page = await (row.anonymous ? anonymous : context).newPage();
        await page.goto(await row.url(page));
        await page.waitForLoadState("networkidle");
        expect((await seriousViolations(page)).join("\n")).toBe("");
        await page.close();
      });
    }
  });
}

test("the first Tab stop skips the navigation to the content", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/board");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  // The next stop is the board's first filter, inside the content.
  await expect(page.getByLabel("Pipeline")).toBeFocused();
});
