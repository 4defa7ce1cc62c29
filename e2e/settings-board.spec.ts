// The board half of the settings journey (issue 7): a stage added in Settings
// shows on the board, takes cards, and hands them on when it is deleted.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const column = (page: Page, name: string) => page.locator(`[data-testid="board-column"][data-stage-name="${name}"]`);

async function dragInto(page: Page, card: ReturnType<Page["locator"]>, target: ReturnType<Page["locator"]>) {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Several small steps: dnd-kit activates after a short distance.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
  await page.mouse.up();
}

test("a stage added in settings shows on the board, takes a card, and hands it to Proposal when deleted", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/pipelines");
  await page.getByRole("button", { name: "Add stage" }).click();
  const add = page.getByRole("dialog", { name: "Add a stage" });
  await add.getByLabel("Name").fill("Demo");
  await add.getByLabel("Probability (%)").fill("40");
  await add.getByLabel("Position").selectOption({ label: "After Qualified" });
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(add).toBeHidden();
  // Reorder: up one place and back, by keyboard.
  for (const key of ["ArrowUp", "ArrowDown"]) {
    await page.waitForLoadState("networkidle"); // the list re-renders after each saved change
    await page.getByRole("button", { name: "Reorder Demo" }).focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(300); // dnd-kit measures the list a frame after pick-up
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await page.keyboard.press("Space");
    await expect(page.getByText("Stage order saved").first()).toBeVisible();
  }

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice@example.com");
  await alice.goto("/board");
  const names = await alice.getByTestId("board-column").evaluateAll((els) => els.map((e) => e.getAttribute("data-stage-name")));
  expect(names.indexOf("Demo")).toBe(names.indexOf("Qualified") + 1);
  expect(names.indexOf("Proposal")).toBe(names.indexOf("Demo") + 1);

  // A card alice may move (read-only cards are marked).
  const card = column(alice, "Qualified").locator('[data-testid="board-card"]:not([data-readonly])').first();
  const title = (await card.getByTestId("card-title").innerText()).trim();
  await dragInto(alice, card, column(alice, "Demo"));
  await expect(column(alice, "Demo").getByText(title)).toBeVisible();
  await alice.reload();
  await expect(column(alice, "Demo").getByText(title)).toBeVisible();

  await page.goto("/settings/pipelines");
  await page.getByRole("button", { name: "Delete Demo" }).click();
  const del = page.getByRole("dialog", { name: "Delete stage Demo" });
  await expect(del).toContainText("1 opportunity sits in this stage");
  await del.getByLabel("Move its opportunities to").selectOption({ label: "Proposal" });
  await del.getByRole("button", { name: "Move and delete" }).click();
  await expect(del).toBeHidden();

  await alice.reload();
  await expect(column(alice, "Demo")).toHaveCount(0);
  // It was appended to Proposal's end; the board's search brings it into view in a long column.
  await alice.goto(`/board?q=${encodeURIComponent(title)}`);
  await expect(column(alice, "Proposal").getByText(title)).toBeVisible();
});
