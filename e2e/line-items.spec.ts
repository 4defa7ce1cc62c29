import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function newOpportunity(page: Page, title: string) {
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("line-row");

async function addFromCatalog(page: Page, search: string, option: RegExp) {
  await page.getByRole("button", { name: "Add line" }).click();
  const picker = rows(page).last().getByRole("combobox", { name: /^Product, line/ });
  await expect(picker).toBeFocused();
  await picker.fill(search);
  await page.getByRole("option", { name: option }).click();
}

/**
 * A mouse drag through dnd-kit's pointer sensor: press, move past its 4px threshold in steps, release.
 * hover() first: it waits until the handle is attached and still (the page renders again when the
 * live stream reports the save just made), where a bare boundingBox() may catch it detached.
 */
async function drag(page: Page, handle: Locator, target: Locator) {
  await handle.hover();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 15 });
  await page.mouse.up();
}

test("build a three-line deal from the catalog, edit it with live totals, reorder by drag, and find it as left after a reload", async ({ page }) => {
  const title = `Line items ${unique()}`;
  await signIn(page, "alice@example.com");
  await newOpportunity(page, title);
  await expect(page.getByTestId("amount-mode")).toContainText("Manual amount");

  await addFromCatalog(page, "PLAT-PRO", /Platform licence, Professional/);
  await rows(page).nth(0).getByLabel("Quantity, line 1").fill("10");
  await addFromCatalog(page, "onboard", /^Onboarding package/);
  await addFromCatalog(page, "training", /Training day/);
  await rows(page).nth(2).getByLabel("Quantity, line 3").fill("2");
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId("amount-mode")).toContainText("Derived amount");
  await expect(rows(page).nth(0).getByTestId("line-total")).toHaveText("$890.00/mo");
  await expect(page.getByTestId("contract-value")).toHaveText("$5,790.00"); // 890 + 2500 + 2400

  // Totals follow every keystroke: a quantity, a discount, the contract months.
  await rows(page).nth(0).getByLabel("Quantity, line 1").fill("12");
  await rows(page).nth(2).getByLabel("Discount %, line 3").fill("10");
  await expect(rows(page).nth(2).getByTestId("line-total")).toHaveText("$2,160.00");
  await expect(page.getByTestId("one-time-total")).toHaveText("$4,660.00");
  await expect(page.getByTestId("monthly-total")).toHaveText("$1,068.00");
  await page.getByLabel("Contract months").fill("12");
  await expect(page.getByTestId("contract-value")).toHaveText("$17,476.00");
  await expect(page.getByTestId("weighted-value")).toHaveText("$1,747.60");

  // A bad cell is explained beside it and blocks the save until fixed.
  const quantity = rows(page).nth(1).getByLabel("Quantity, line 2");
  await quantity.fill("0");
  await quantity.blur();
  await expect(rows(page).nth(1).getByRole("alert")).toHaveText("The quantity must be more than 0");
  await quantity.fill("1");
  await expect(rows(page).nth(1).getByRole("alert")).toHaveCount(0);
  const discount = rows(page).nth(1).getByLabel("Discount %, line 2");
  await discount.fill("abc");
  await discount.blur();
  await expect(rows(page).nth(1).getByRole("alert")).toContainText("Enter a discount from 0 to 100");
  await expect(page.getByTestId("contract-value")).toHaveText("$14,976.00"); // the bad line counts once fixed
  await discount.fill("0");

  // Delete with undo.
  await rows(page).nth(1).getByRole("button", { name: "Delete line 2" }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(1).getByRole("combobox", { name: /^Product, line/ })).toHaveValue("Onboarding package");

  await page.getByRole("button", { name: "Save line items" }).click();
  await expect(page.getByText("Line items saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save line items" })).toHaveCount(0);

  // Reorder: the training line is dragged to the top.
  await drag(page, rows(page).nth(2).getByRole("button", { name: "Reorder line 3" }), rows(page).nth(0));
  await expect(rows(page).nth(0).getByRole("combobox", { name: /^Product, line/ })).toHaveValue("Training day");
  // And by keyboard: Alt+Down from a cell moves its line down.
  await rows(page).nth(1).getByLabel("Quantity, line 2").press("Alt+ArrowDown");
  await expect(rows(page).nth(2).getByRole("combobox", { name: /^Product, line/ })).toHaveValue("Platform licence, Professional");
  await page.getByRole("button", { name: "Save line items" }).click();
  await expect(page.getByRole("button", { name: "Save line items" })).toHaveCount(0);

  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  const names = rows(page).getByRole("combobox", { name: /^Product, line/ });
  await expect(names.nth(0)).toHaveValue("Training day");
  await expect(names.nth(1)).toHaveValue("Onboarding package");
  await expect(names.nth(2)).toHaveValue("Platform licence, Professional");
  await expect(rows(page).nth(2).getByLabel("Quantity, line 3")).toHaveValue("12");
  await expect(rows(page).nth(0).getByLabel("Discount %, line 1")).toHaveValue("10");
  await expect(page.getByLabel("Contract months")).toHaveValue("12");
  await expect(page.getByTestId("contract-value")).toHaveText("$17,476.00");
  await expect(page.locator("header dl")).toContainText("$17,476.00");
  await expect(page.getByTestId("timeline")).toContainText("17,476.00");
});

test("a new opportunity built from lines: the amount follows them and the deal is created with them", async ({ page }) => {
  const title = `Created with lines ${unique()}`;
  await signIn(page, "bob@example.com");
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Currency").selectOption("EUR");
  await addFromCatalog(page, "PLAT-STD", /Platform licence, Standard/);
  // A USD product on a EUR deal: converted, and the line says so.
  await expect(rows(page).nth(0).getByTestId("line-note")).toContainText("converted to EUR");
  await rows(page).nth(0).getByLabel("Quantity, line 1").fill("5");
  const amount = page.getByLabel("Amount", { exact: true });
  await expect(amount).toHaveAttribute("readonly", "");
  const contractValue = await page.getByTestId("contract-value").textContent();
  expect(contractValue).toMatch(/^€/);
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("contract-value")).toHaveText(contractValue!);
  await expect(page.getByTestId("amount-mode")).toContainText("Derived amount");
});
