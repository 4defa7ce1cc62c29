// Live updates between two people in two browsers (separate contexts: two
// sessions): a move shows on the colleague's board within 2 s without a
// reload, a private deal never reaches who may not see it (not even its id in
// the stream), a drag in progress is left alone until the drop, and an edit
// form learns of a colleague's save before its user presses Save.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { dragTo, signIn } from "./helpers";

const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage-name="${stage}"]`);
const cardIn = (page: Page, stage: string, title: string) =>
  column(page, stage).getByTestId("board-card").filter({ has: page.getByTestId("card-title").getByText(title, { exact: true }) });
// Two or three signed-in browsers per test on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Leaves the app first: a context closed with a live stream open waits on it while tracing records the response. */
async function leave(...pages: Page[]) {
  for (const page of pages) {
    await page.goto("about:blank");
    await page.context().close();
  }
}

async function person(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

interface Api {
  stages: { id: string; name: string; type: string; pipelineId: string }[];
  create(data: Record<string, unknown>): Promise<{ id: string; version: number }>;
  move(id: string, stageId: string): Promise<void>;
}

/** The REST API with the page's session (same origin, as the app's own forms). */
async function api(page: Page): Promise<Api> {
  const headers = { Origin: new URL(page.url()).origin };
  const pipelines = (await (await page.request.get("/api/v1/pipelines?limit=100")).json()).data as { id: string; isDefault: boolean }[];
  const defaultId = pipelines.find((p) => p.isDefault)!.id;
  const stages = ((await (await page.request.get("/api/v1/stages?limit=100")).json()).data as Api["stages"]).filter((s) => s.pipelineId === defaultId);
  return {
    stages,
    async create(data) {
      const res = await page.request.post("/api/v1/opportunities", { data, headers });
      expect(res.status()).toBe(201);
      return res.json();
    },
    async move(id, stageId) {
      const res = await page.request.post(`/api/v1/opportunities/${id}/move`, { data: { stageId }, headers });
      expect(res.status()).toBe(200);
    },
  };
}

test("alice's move shows on bob's board within 2 s without a reload; her private deal never reaches him", async ({ browser }) => {
  const alice = await person(browser, "alice@example.com");
  const bob = await person(browser, "bob@example.com");
  const a = await api(alice);
  const [lead, qualified] = [a.stages.find((s) => s.name === "Lead")!, a.stages.find((s) => s.name === "Qualified")!];
  const tag = `Live ${unique()}`;
  const open = await a.create({ title: `${tag} open`, stageId: lead.id, amount: "1234.00" });

  // Bob's board shows only this test's deals (the filter lives in the URL); he also listens to the raw stream.
  await bob.goto(`/board?q=${encodeURIComponent(tag)}`);
  await expect(cardIn(bob, "Lead", `${tag} open`)).toHaveCount(1);
  await expect(column(bob, "Qualified").getByTestId("column-count")).toHaveText("0");
  await bob.evaluate(() => {
    const w = window as unknown as { __raw: string[] };
    w.__raw = [];
    const source = new EventSource("/api/stream");
    source.onmessage = (e) => w.__raw.push(`${e.lastEventId} ${e.data}`);
  });
  const loads: string[] = [];
  bob.on("framenavigated", (frame) => loads.push(frame.url()));

  await alice.goto(`/board?q=${encodeURIComponent(tag)}`);
  const saved = alice.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/board"));
  await dragTo(alice, cardIn(alice, "Lead", `${tag} open`), column(alice, "Qualified"));
  await saved;
  const movedAt = Date.now();
  await expect(cardIn(bob, "Qualified", `${tag} open`)).toHaveCount(1, { timeout: 2000 });
  const seenAfterMs = Date.now() - movedAt;
  await expect(cardIn(bob, "Lead", `${tag} open`)).toHaveCount(0);
  await expect(column(bob, "Qualified").getByTestId("column-count")).toHaveText("1");
  await expect(column(bob, "Lead").getByTestId("column-count")).toHaveText("0");
  expect(loads).toEqual([]);
  test.info().annotations.push({ type: "move seen by bob after", description: `${seenAfterMs} ms` });

  // A private deal of alice's, created and moved: bob's stream never carries its id.
  const secret = await a.create({ title: `${tag} secret`, stageId: lead.id, amount: "99.00", isPrivate: true });
  await a.move(secret.id, qualified.id);
  await a.move(open.id, lead.id);
  await expect(cardIn(bob, "Lead", `${tag} open`)).toHaveCount(1, { timeout: 2000 });
  const raw = await bob.evaluate(() => (window as unknown as { __raw: string[] }).__raw.join("\n"));
  expect(raw).toContain(open.id);
  expect(raw).not.toContain(secret.id);
  await expect(bob.getByText(`${tag} secret`)).toHaveCount(0);

  // Made private: the card leaves bob's board.
  const res = await alice.request.patch(`/api/v1/opportunities/${open.id}`, { data: { isPrivate: true }, headers: { Origin: new URL(alice.url()).origin } });
  expect(res.status()).toBe(200);
  await expect(cardIn(bob, "Lead", `${tag} open`)).toHaveCount(0, { timeout: 2000 });
  await expect(column(bob, "Lead").getByTestId("column-count")).toHaveText("0");
  await leave(alice, bob);
});

test("a card being dragged is not disturbed by a colleague's move; the move shows after the drop", async ({ browser }) => {
  const manager = await person(browser, "manager@example.com");
  const alice = await person(browser, "alice@example.com");
  const a = await api(alice);
  const [lead, qualified] = [a.stages.find((s) => s.name === "Lead")!, a.stages.find((s) => s.name === "Qualified")!];
  const tag = `Drag ${unique()}`;
  await a.create({ title: `${tag} held`, stageId: lead.id, amount: "10.00" });
  const other = await a.create({ title: `${tag} other`, stageId: lead.id, amount: "20.00" });
  await manager.goto(`/board?q=${encodeURIComponent(tag)}`);
  await expect(cardIn(manager, "Lead", `${tag} other`)).toHaveCount(1);

  // The manager picks up "held" and keeps the mouse down while alice moves "other".
  const held = cardIn(manager, "Lead", `${tag} held`);
  const from = (await held.boundingBox())!;
  await manager.mouse.move(from.x + from.width / 2, from.y + 20);
  await manager.mouse.down();
  await manager.mouse.move(from.x + from.width / 2 + 10, from.y + 40, { steps: 4 });
  await a.move(other.id, qualified.id);
  await manager.waitForTimeout(1500);
  await expect(cardIn(manager, "Lead", `${tag} other`)).toHaveCount(1);
  await expect(cardIn(manager, "Qualified", `${tag} other`)).toHaveCount(0);

  // Dropped where it was (no move): now the colleague's change lands.
  await manager.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 4 });
  await manager.mouse.up();
  await expect(cardIn(manager, "Qualified", `${tag} other`)).toHaveCount(1, { timeout: 2000 });
  await expect(cardIn(manager, "Lead", `${tag} held`)).toHaveCount(1);
  await leave(manager, alice);
});

test("a detail page shows a colleague's save, and an open edit form says someone else saved before Save", async ({ browser }) => {
  const manager = await person(browser, "manager@example.com");
  const alice = await person(browser, "alice@example.com");
  const a = await api(alice);
  const tag = `Edit ${unique()}`;
  const deal = await a.create({ title: `${tag} deal`, stageId: a.stages[0].id, amount: "10.00" });

  const reader = await (await browser.newContext()).newPage();
  await signIn(reader, "bob@example.com");
  await reader.goto(`/opportunities/${deal.id}`);
  await manager.goto(`/opportunities/${deal.id}/edit`);
  // Typed once the form is interactive (a fill before hydration would be lost).
  await expect(async () => {
    await manager.getByLabel("Title").fill(`${tag} manager's title`);
    await expect(manager.getByLabel("Title")).toHaveValue(`${tag} manager's title`, { timeout: 500 });
  }).toPass();

  const res = await alice.request.patch(`/api/v1/opportunities/${deal.id}`, { data: { title: `${tag} alice's title` }, headers: { Origin: new URL(alice.url()).origin } });
  expect(res.status()).toBe(200);
  const t0 = Date.now();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(`${tag} alice's title`, { timeout: 5000 });
  test.info().annotations.push({ type: "save seen on the detail page after", description: `${Date.now() - t0} ms` });
  await expect(manager.getByTestId("conflict-panel")).toBeVisible({ timeout: 2000 });
  await expect(manager.getByTestId("conflict-panel")).toContainText(`${tag} alice's title`);
  // What the manager typed is kept until they choose.
  await expect(manager.getByLabel("Title")).toHaveValue(`${tag} manager's title`);
  await leave(reader, manager, alice);
});
