import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-pass-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Drags a card with the mouse onto a target (a column, a zone), `offsetY` below its top. */
export async function dragTo(page: Page, card: Locator, target: Locator, offsetY = 60) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + offsetY, { steps: 20 });
  await page.mouse.up();
}
