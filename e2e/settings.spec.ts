import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const stageNames = (page: Page) => page.getByTestId("stage-row").getByTestId("stage-name").allInnerTexts();

test("a sales user gets the 403 page and no Settings link", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of ["/settings/pipelines", "/settings/users", "/settings/audit"]) {
    await page.goto(path);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByText("403 · Forbidden")).toBeVisible();
    await expect(page.getByTestId("stage-row")).toHaveCount(0);
  }
});

test("an admin adds a stage between Qualified and Proposal, reorders it by keyboard, edits and deletes it", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/pipelines/);
  await expect(page.getByRole("heading", { name: "Pipelines and stages" })).toBeVisible();

  await page.getByRole("button", { name: "Add stage" }).click();
  const add = page.getByRole("dialog", { name: "Add a stage" });
  await add.getByLabel("Name").fill("Demo");
  await add.getByLabel("Probability (%)").fill("140");
  await add.getByLabel("Position").selectOption({ label: "After Qualified" });
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(add.getByText("At most 100")).toBeVisible();
  await add.getByLabel("Probability (%)").fill("40");
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(add).toBeHidden();
  await expect.poll(() => stageNames(page)).toEqual(["Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost"]);
  await expect(page.getByRole("listitem", { name: "Demo" })).toContainText("40%");

  // Keyboard drag-and-drop: pick up, move one place up, drop.
  await page.waitForLoadState("networkidle"); // the list re-renders after each saved change
  await page.getByRole("button", { name: "Reorder Demo" }).focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(300); // dnd-kit measures the list a frame after pick-up
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(300);
  await page.keyboard.press("Space");
  await expect(page.getByText("Stage order saved").first()).toBeVisible();
  await page.reload();
  await expect.poll(() => stageNames(page)).toEqual(["Lead", "Demo", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]);
  // Keys pressed before the reloaded page has hydrated would be lost.
  await page.waitForLoadState("networkidle");
  await page.waitForLoadState("networkidle"); // the list re-renders after each saved change
  await page.getByRole("button", { name: "Reorder Demo" }).focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(300); // dnd-kit measures the list a frame after pick-up
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  await page.keyboard.press("Space");
  await expect.poll(() => stageNames(page)).toEqual(["Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost"]);
  await page.reload();
  await expect.poll(() => stageNames(page)).toEqual(["Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost"]);

  // The only won stage cannot be deleted, and the editor says why.
  await expect(page.getByRole("button", { name: "Won is the only won stage and cannot be deleted" })).toBeDisabled();

  await page.getByRole("button", { name: "Edit Demo" }).click();
  const edit = page.getByRole("dialog", { name: "Edit stage Demo" });
  await edit.getByLabel("Rotting after (days)").fill("9");
  await edit.getByRole("button", { name: "Save stage" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("listitem", { name: "Demo" })).toContainText("Rots after 9d");

  await page.goto("/settings/audit?entity=Stage");
  await expect(page.getByTestId("audit-row").first()).toContainText("stage.update");
  await expect(page.getByTestId("audit-row").first()).toContainText("Ada Admin");
  await expect(page.getByTestId("audit-row").first()).toContainText("rottingDays");

  await page.goto("/settings/pipelines");
  await page.getByRole("button", { name: "Delete Demo" }).click();
  const del = page.getByRole("dialog", { name: "Delete stage Demo" });
  await expect(del).toContainText("No opportunity sits in this stage.");
  await del.getByRole("button", { name: "Delete stage" }).click();
  await expect(del).toBeHidden();
  await expect.poll(() => stageNames(page)).toEqual(["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]);
});

test("deleting a stage with opportunities asks where they go", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/pipelines");
  await page.getByRole("button", { name: "Delete Negotiation" }).click();
  const del = page.getByRole("dialog", { name: "Delete stage Negotiation" });
  await expect(del).toContainText(/\d+ opportunities sit in this stage/);
  await expect(del.getByRole("button", { name: "Move and delete" })).toBeDisabled();
  await del.getByLabel("Move its opportunities to").selectOption({ label: "Lost" });
  await expect(del.getByLabel("Lost reason for the moved opportunities")).toBeVisible();
  // Cancel: the demo pipeline stays as other specs expect it.
  await del.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("listitem", { name: "Negotiation" })).toBeVisible();
});

test("a new user gets a one-time password; deactivating them ends their session at once", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const add = page.getByRole("dialog", { name: "Add a user" });
  await add.getByLabel("Name").fill("Dana Diaz");
  await add.getByLabel("Email").fill("not-an-email");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByText("Enter a valid email")).toBeVisible();
  await add.getByLabel("Email").fill("dana@example.com");
  await add.getByRole("button", { name: "Add user" }).click();
  const password = await page.getByTestId("one-time-password").innerText();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: "Dana Diaz" })).toContainText("Active");

  const dana = await (await browser.newContext()).newPage();
  await signIn(dana, "dana@example.com", password);
  await expect(dana.getByTestId("current-user")).toHaveText("Dana Diaz");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Deactivate Dana Diaz" }).click();
  await expect(page.getByRole("row", { name: "Dana Diaz" })).toContainText("Deactivated");

  await dana.goto("/opportunities");
  await expect(dana).toHaveURL(/\/signin/);
  await dana.getByLabel("Email").fill("dana@example.com");
  await dana.getByLabel("Password").fill(password);
  await dana.getByRole("button", { name: "Sign in" }).click();
  await expect(dana.getByText("Incorrect email or password.")).toBeVisible();

  // The last admin cannot demote themself.
  await page.getByRole("combobox", { name: "Role of Ada Admin" }).selectOption("SALES");
  await expect(page.getByText("This is the last active admin").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of Ada Admin" })).toHaveValue("ADMIN");
});

test("changing a currency rate re-rates open deals only and is audited", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/currencies");
  await page.getByRole("button", { name: "Edit GBP" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit GBP" });
  await dialog.getByLabel(/Rate: 1 unit/).fill("abc");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Use a positive number with at most 8 decimals")).toBeVisible();
  await dialog.getByLabel(/Rate: 1 unit/).fill("1.3");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: "GBP" })).toContainText("1.3");
  await page.goto("/settings/audit?entity=Currency");
  await expect(page.getByTestId("audit-row").first()).toContainText("currency.update");
  await expect(page.getByTestId("audit-row").first()).toContainText("1.27");

  // Put the demo rate back: later specs (forecast) read base amounts.
  await page.goto("/settings/currencies");
  await page.getByRole("button", { name: "Edit GBP" }).click();
  await dialog.getByLabel(/Rate: 1 unit/).fill("1.27");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row", { name: "GBP" })).toContainText("1.27");
});

test("lists, custom fields and quotas are edited in place", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/lists");
  await page.getByLabel("New item for Sources").fill("Webinar");
  await page.getByRole("list", { name: "Sources" }).locator("..").getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("list", { name: "Sources" }).getByRole("listitem", { name: "Webinar" })).toBeVisible();
  await page.getByRole("button", { name: "Deactivate Webinar" }).click();
  await expect(page.getByRole("listitem", { name: "Webinar" })).toContainText("Inactive");

  await page.goto("/settings/fields");
  await page.getByRole("button", { name: "Add field" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a custom field" });
  await dialog.getByLabel("Label").fill("Contract tier");
  await expect(dialog.getByLabel("Key")).toHaveValue("contractTier");
  await dialog.getByLabel("Type").selectOption("SELECT");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(dialog.getByText("A select needs at least one option")).toBeVisible();
  await dialog.getByLabel("Options, one per line").fill("Gold\nSilver");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: "Contract tier" })).toContainText("Gold, Silver");

  await page.goto("/settings/quotas?period=QUARTER&year=2026");
  const cell = page.getByLabel("Quota of Alice Anders for Q2 2026");
  await cell.fill("120000");
  await cell.press("Enter");
  await expect(page.getByText("Quota saved").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Quota of Alice Anders for Q2 2026")).toHaveValue("120000.00");
  await expect(page.getByRole("row", { name: "Alice Anders" })).toContainText("$120,000.00");
  // Clearing the cell removes the quota again (later specs read quotas).
  await page.getByLabel("Quota of Alice Anders for Q2 2026").fill("");
  await page.getByLabel("Quota of Alice Anders for Q2 2026").press("Enter");
  await expect(page.getByText("Quota removed").first()).toBeVisible();
  await expect(page.getByRole("row", { name: "Alice Anders" })).toContainText("$0.00");
});

test("an admin creates, renames, archives and deletes a pipeline of their own", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/pipelines");
  await page.getByRole("button", { name: "New pipeline" }).click();
  const create = page.getByRole("dialog", { name: "New pipeline" });
  await create.getByLabel("Name").fill("Partners E2E");
  await create.getByRole("button", { name: "Create pipeline" }).click();
  await expect(page.getByRole("heading", { name: "Partners E2E", exact: true })).toBeVisible();
  await expect.poll(() => stageNames(page)).toEqual(["New", "In progress", "Won", "Lost"]);

  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename Partners E2E" });
  await rename.getByLabel("Name").fill("Partner deals E2E");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Partner deals E2E", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("list", { name: "Pipelines" })).toContainText("Archived");
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const del = page.getByRole("dialog", { name: "Delete pipeline Partner deals E2E" });
  await expect(del).toContainText("holds no opportunity");
  await del.getByRole("button", { name: "Delete pipeline" }).click();
  await expect(page.getByRole("list", { name: "Pipelines" })).not.toContainText("Partner deals E2E");
  await expect(page.getByRole("heading", { name: "Sales", exact: true })).toBeVisible();
});
