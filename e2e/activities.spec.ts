// The daily loop on a deal: plan a call, mark it done and plan the follow-up at
// once, see both in the timeline; a note mentioning bob rings his bell without
// a reload. Screenshots of the deal page at 1440 and 390 px, light and dark.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const SHOTS = ".test-data/screenshots";

async function newDeal(page: Page, title: string): Promise<{ id: string; pipelineId: string }> {
  const origin = new URL(page.url()).origin;
  const stages = await (await page.request.get("/api/v1/stages?type=OPEN")).json();
  const res = await page.request.post("/api/v1/opportunities", { data: { title, stageId: stages.data[0].id, amount: "12000" }, headers: { Origin: origin } });
  expect(res.status()).toBe(201);
  const deal = await res.json();
  return { id: deal.id, pipelineId: deal.pipelineId };
}

test("plan a call, mark it done, plan the follow-up; a mention rings the other user's bell", async ({ page, browser }) => {
  test.setTimeout(300_000); // a long journey on a shared machine
  await signIn(page, "alice@example.com");
  const { id, pipelineId } = await newDeal(page, "Loop deal");
  // On the board, the new deal is marked: nothing planned.
  await page.goto(`/board/${pipelineId}?q=Loop%20deal`);
  const card = page.getByTestId("board-card").filter({ hasText: "Loop deal" });
  await expect(card.getByTestId("no-activity")).toBeVisible();

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, "bob@example.com");
  const bell = bob.getByTestId("notification-bell");
  await expect(bell).toBeVisible();
  const before = Number((await bob.getByTestId("unread-count").textContent({ timeout: 3_000 }).catch(() => "0")) ?? "0");

  await page.goto(`/opportunities/${id}`);
  await expect(page.getByTestId("no-next-activity")).toBeVisible();
  const activities = page.locator("#activities");
  await activities.getByRole("radio", { name: "Call" }).click();
  await activities.getByLabel("Subject").fill("Call the buyer");
  await activities.getByLabel("Due date").fill("2026-12-01");
  await activities.getByRole("button", { name: "Add activity" }).click();
  const upcoming = page.getByRole("list", { name: "Upcoming activities" });
  await expect(upcoming.getByText("Call the buyer")).toBeVisible();
  await expect(upcoming.getByText(/Overdue/)).toBeVisible();

  await upcoming.getByRole("checkbox", { name: "Mark “Call the buyer” done" }).click();
  const dialog = page.getByRole("dialog", { name: "Done. Plan the follow-up?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Subject")).toHaveValue("Follow up: Call the buyer");
  await dialog.getByRole("button", { name: "Plan follow-up" }).click();
  await expect(dialog).toBeHidden();
  await expect(upcoming.getByText("Follow up: Call the buyer")).toBeVisible();
  await expect(page.getByRole("list", { name: "Done activities" }).getByText("Call the buyer")).toBeVisible();

  // The card now shows the follow-up as its next activity; the overdue filter no longer lists it.
  await page.goto(`/board/${pipelineId}?q=Loop%20deal`);
  await expect(card.getByTestId("next-activity")).toContainText("Follow up: Call the buyer");
  await page.getByLabel("Activity", { exact: true }).selectOption("overdue");
  await expect(page).toHaveURL(/activity=overdue/);
  await expect(page.getByTestId("board-card").filter({ hasText: "Loop deal" })).toHaveCount(0);
  await page.getByLabel("Activity", { exact: true }).selectOption("none");
  await expect(page).toHaveURL(/activity=none/);
  await expect(page.getByTestId("board-card").filter({ hasText: "Loop deal" })).toHaveCount(0);
  await page.getByLabel("Activity", { exact: true }).selectOption("");
  await expect(page.getByTestId("board-card").filter({ hasText: "Loop deal" })).toHaveCount(1);
  await page.goto(`/opportunities/${id}`);

  const timeline = page.locator("#timeline");
  await timeline.getByRole("button", { name: "Activities" }).click();
  await expect(timeline.getByTestId("timeline-entry")).toHaveCount(1);
  await expect(timeline.getByTestId("timeline-entry")).toContainText("Call done: Call the buyer");

  // A note mentioning bob, with a link and markup that stays text.
  const notes = page.locator("#notes");
  await notes.getByLabel("Note").fill("Budget confirmed <b>today</b>, offer at https://example.com/offer");
  await notes.getByRole("button", { name: "Mention" }).click();
  await notes.getByRole("button", { name: "Bob Baker" }).click();
  await notes.getByRole("button", { name: "Add note" }).click();
  const note = notes.getByTestId("note").first();
  await expect(note).toContainText("<b>today</b>");
  await expect(note.getByRole("link", { name: "https://example.com/offer" })).toHaveAttribute("rel", /noopener/);
  await timeline.getByRole("button", { name: "All" }).click();
  await expect(timeline.getByTestId("timeline-entry").first()).toContainText("Budget confirmed");

  // Bob's bell counts it without a reload, and its entry leads to the deal.
  await expect(bob.getByTestId("unread-count")).toHaveText(String(before + 1), { timeout: 25_000 });
  await bell.click();
  await bob.getByRole("link", { name: /Alice Anders mentioned you on Loop deal/ }).click();
  await expect(bob).toHaveURL(new RegExp(`/opportunities/${id}$`));
  await expect(bob.getByTestId("unread-count")).toHaveCount(before ? 1 : 0, { timeout: 15_000 });
  await bobContext.close();

  for (const [width, height] of [[1440, 1100], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/opportunities/${id}`);
      await page.locator("#activities").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/deal-activities-${width}-${scheme}.png`, fullPage: true });
      await page.goto(`/board/${pipelineId}`);
      await expect(page.getByTestId("board-card").first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/board-${width}-${scheme}.png` });
      await page.getByTestId("notification-bell").click();
      await page.screenshot({ path: `${SHOTS}/bell-${width}-${scheme}.png` });
    }
  }
});
