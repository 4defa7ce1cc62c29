import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createOpportunity(page: Page, title: string, amount: string) {
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Amount", { exact: true }).fill(amount);
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  return page.url().split("/").pop()!;
}

test("create an opportunity: a bad probability is explained inline, fixed, saved and listed", async ({ page }) => {
  const title = `Rocket deal ${unique()}`;
  await signIn(page, "alice@example.com");
  await page.goto("/opportunities");
  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page).toHaveURL(/\/opportunities\/new$/);

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Amount", { exact: true }).fill("1000");
  const probability = page.getByLabel("Probability (%)");
  await expect(probability).toHaveAttribute("placeholder", "10");
  await probability.fill("150");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Probability is 0 to 100" })).toBeVisible();
  await expect(probability).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/opportunities\/new$/);
  await expect(page.getByLabel("Title")).toHaveValue(title);

  await probability.fill("40");
  await expect(page.getByRole("alert").filter({ hasText: "Probability is 0 to 100" })).toHaveCount(0);
  await expect(page.getByTestId("weighted-amount")).toContainText("$400.00");

  // Leaving with unsaved changes asks first; declining keeps the form.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("unsaved changes");
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Opportunities" }).click();
  await expect(page).toHaveURL(/\/opportunities\/new$/);

  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("40%")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Created in Lead");

  await page.goto(`/opportunities?q=${encodeURIComponent(title)}`);
  const rows = page.getByTestId("opportunity-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(title);
  await expect(rows.first()).toContainText("$1,000.00");
  await expect(rows.first()).toContainText("$400.00");

  // On the board it sits in Lead; a click on the card opens the detail page.
  await page.goto(`/board?q=${encodeURIComponent(title)}`);
  const card = page.locator('[data-testid="board-column"][data-stage-name="Lead"]').getByTestId("board-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(title);
  await card.click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("the server's verdict lands beside the field and keeps what was typed", async ({ page }) => {
  await signIn(page, "alice@example.com");
  const externalId = `EXT-${unique()}`;
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(`First ${externalId}`);
  await page.getByText("Campaign attribution and integration").click();
  await page.getByLabel("External id").fill(externalId);
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: `First ${externalId}` })).toBeVisible();

  // Only the server knows the id is taken: its message appears beside the field, nothing typed is lost.
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(`Second ${externalId}`);
  await page.getByLabel("Currency").selectOption("EUR");
  await expect(page.getByLabel(/Exchange rate to USD/)).not.toHaveValue("1");
  await page.getByText("Campaign attribution and integration").click();
  await page.getByLabel("External id").fill(externalId);
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Another opportunity already uses this external id" })).toBeVisible();
  await expect(page).toHaveURL(/\/opportunities\/new$/);
  await expect(page.getByLabel("Title")).toHaveValue(`Second ${externalId}`);
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
});

test("two people edit at once: the second is shown what changed, before pressing Save, and chooses", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@example.com");
  await signIn(manager, "manager@example.com");
  const title = `Contested ${unique()}`;
  const id = await createOpportunity(alice, title, "1000");

  // Both open the form at version 1; the manager saves first.
  await alice.goto(`/opportunities/${id}/edit`);
  await manager.goto(`/opportunities/${id}/edit`);
  await manager.getByLabel("Amount", { exact: true }).fill("2000");
  await manager.getByRole("button", { name: "Save changes" }).click();
  await expect(manager.getByText("$2,000.00").first()).toBeVisible();

  // The live stream tells alice's open form at once: the panel shows without a Save, and Save waits for her choice.
  const conflict = alice.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible();
  await expect(alice.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await alice.getByLabel("Title").fill(`${title} (alice)`);
  await expect(conflict.getByRole("row", { name: /Amount/ })).toContainText("2000.00");
  await expect(alice.getByLabel("Title")).toHaveValue(`${title} (alice)`);

  // Reload theirs: the form now shows the manager's amount and loses alice's edit.
  await conflict.getByRole("button", { name: /Reload their version/ }).click();
  await expect(conflict).toHaveCount(0);
  await expect(alice.getByLabel("Amount", { exact: true })).toHaveValue("2000.00");
  await expect(alice.getByLabel("Title")).toHaveValue(title);

  // The manager changes it again; this time alice overwrites consciously.
  await manager.goto(`/opportunities/${id}/edit`);
  await manager.getByLabel("Amount", { exact: true }).fill("3000");
  await manager.getByRole("button", { name: "Save changes" }).click();
  await expect(manager.getByText("$3,000.00").first()).toBeVisible();

  await expect(alice.getByTestId("conflict-panel")).toBeVisible();
  await alice.getByLabel("Title").fill(`${title} (final)`);
  await alice.getByRole("button", { name: "Overwrite with my version" }).click();
  await expect(alice.getByRole("heading", { name: `${title} (final)` })).toBeVisible();
  await expect(alice.getByText("$2,000.00").first()).toBeVisible();
  await expect(alice.getByTestId("timeline")).toContainText("Amount changed from $3,000.00 to $2,000.00");
});

test("the stage path moves an opportunity and asks why when it is lost", async ({ page }) => {
  await signIn(page, "bob@example.com");
  const title = `Path ${unique()}`;
  await createOpportunity(page, title, "800");
  const path = page.getByRole("list", { name: "Stage path" });
  await expect(path.getByRole("button", { name: "Lead" })).toHaveAttribute("aria-current", "step");
  await path.getByRole("button", { name: "Proposal" }).click();
  await expect(path.getByRole("button", { name: "Proposal" })).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("timeline")).toContainText("Moved from Lead to Proposal");
  await expect(page.getByText("$400.00")).toBeVisible();

  await path.getByRole("button", { name: "Lost" }).click();
  await page.getByRole("button", { name: "Mark as lost" }).click();
  await expect(page.getByText("Choose why the deal was lost")).toBeVisible();
  await page.getByLabel("Lost reason").selectOption({ label: "Price too high" });
  await page.getByLabel("Competitor").fill("Globex CRM");
  await page.getByRole("button", { name: "Mark as lost" }).click();
  await expect(page.getByRole("heading", { name: title })).toContainText("Lost");
  await expect(page.locator("#details")).toContainText("Price too high");
  await expect(page.getByTestId("timeline")).toContainText("status open → lost");
});

test("a board column's + opens the form with that stage (and its pipeline) chosen", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/board");
  await page.getByRole("link", { name: "Add a deal to Proposal" }).click();
  await expect(page).toHaveURL(/\/opportunities\/new\?stageId=/);
  await expect(page.getByLabel("Stage").locator("option:checked")).toHaveText("Proposal (50%)");
  await expect(page.getByLabel("Probability (%)")).toHaveAttribute("placeholder", "50");

  await page.goto("/opportunities/new");
  await page.getByLabel("Pipeline").selectOption({ label: "Renewals" });
  const stageId = await page.getByLabel("Stage").locator("option", { hasText: "In discussion" }).getAttribute("value");
  await page.goto(`/opportunities/new?stageId=${stageId}`);
  await expect(page.getByLabel("Pipeline")).toHaveValue(await page.getByLabel("Pipeline").locator("option", { hasText: "Renewals" }).getAttribute("value") as string);
  await expect(page.getByLabel("Stage")).toHaveValue(stageId!);
  await expect(page.getByLabel("Probability (%)")).toHaveAttribute("placeholder", "80");
});

test("the table filters, exports what it shows, and changes or deletes rows in bulk", async ({ page }) => {
  await signIn(page, "alice@example.com");
  const tag = `Bulk ${unique()}`;
  await createOpportunity(page, `${tag} one`, "100");
  await createOpportunity(page, `${tag} two`, "200");

  await page.goto("/opportunities");
  await page.getByRole("searchbox", { name: "Search" }).fill(tag);
  await expect(page).toHaveURL(/q=Bulk/);
  const rows = page.getByTestId("opportunity-row");
  await expect(rows).toHaveCount(2);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text;
  });
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain("title");
  expect(lines).toHaveLength(3);
  expect(csv).toContain(`${tag} one`);
  expect(csv).toContain(`${tag} two`);

  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
  await page.getByLabel("New owner").selectOption({ label: "Bob Baker" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 opportunities reassigned")).toBeVisible();
  await expect(rows.filter({ hasText: "Bob Baker" })).toHaveCount(2);

  // Alice is no longer the owner, so deleting is refused and reported per row.
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(/2 not deleted/)).toBeVisible();
  await expect(rows).toHaveCount(2);
});

test("the table filters on a custom field's value", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/opportunities");
  await page.getByRole("combobox", { name: "Custom field" }).selectOption({ label: "Decision process: Committee" });
  await expect(page).toHaveURL(/field=decisionProcess%3ACommittee/);
  const rows = page.getByTestId("opportunity-row");
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  await page.getByRole("combobox", { name: "Custom field" }).selectOption({ label: "Any custom field" });
  await expect(page).not.toHaveURL(/field=/);
  await expect(rows).not.toHaveCount(shown);
});

test("one-time revenue: the amount follows one-time + recurring x months, typed either way, and the detail page shows both parts", async ({ page }) => {
  const title = `Subscription deal ${unique()}`;
  await signIn(page, "alice@example.com");
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("One-time amount").fill("500");
  await page.getByLabel("Recurring amount per month").fill("100");
  await page.getByLabel("Contract months").fill("12");
  await expect(page.getByLabel("Amount", { exact: true })).toHaveValue("1700.00");
  // Typing the amount instead makes the one-time part follow.
  await page.getByLabel("Amount", { exact: true }).fill("2000");
  await expect(page.getByLabel("One-time amount")).toHaveValue("800.00");
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/one-time-form-1440.png`, fullPage: true });
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("amount-parts")).toContainText("$800.00 one-time + $100.00 per month × 12");
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/one-time-detail-1440.png` });

  // An amount below the recurring part is refused beside the field, nothing saved.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Amount", { exact: true }).fill("100");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "at least the recurring part, 1200.00" })).toBeVisible();
});
