// Browser benchmark: in real Chromium, load the "Lead" column of the bench
// database (bench/board-seed.ts) up to 5,000 cards by scrolling it, then pick
// up a card and drop it further down the same column, recording every long
// task (> 50 ms) with the Performance API while the drag runs.
//   BENCH_BASE_URL=http://127.0.0.1:3401 node bench/board-browser.mjs
import { chromium } from "@playwright/test";

const base = process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3401";
const target = Number(process.env.BENCH_CARDS ?? 5000);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/signin`);
await page.getByLabel("Email").fill("manager@example.com");
await page.getByLabel("Password").fill("demo-pass-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByTestId("current-user").waitFor();
await page.goto(`${base}/board`);
const column = page.locator('[data-testid="board-column"][data-stage-name="Lead"]');
const scroller = column.getByTestId("column-scroll");
await scroller.waitFor();

const started = Date.now();
let loaded = 0;
while (loaded < target && Date.now() - started < 300_000) {
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForTimeout(150);
  loaded = Number(await column.getAttribute("data-loaded"));
}
console.log(`loaded ${loaded} cards in the column in ${((Date.now() - started) / 1000).toFixed(1)} s; mounted card elements: ${await column.getByTestId("board-card").count()}`);

await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
await page.waitForTimeout(500);
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: false });
});
// The first card fully inside the column's viewport (overscan mounts some above it).
const cardId = await scroller.evaluate((el) => {
  const top = el.getBoundingClientRect().top;
  const visible = [...el.querySelectorAll('[data-testid="board-card"]')].filter((c) => c.getBoundingClientRect().top >= top + 8);
  return visible.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0].getAttribute("data-card-id");
});
const card = column.locator(`[data-card-id="${cardId}"]`);
const positionOf = () => page.evaluate((id) => [...document.querySelectorAll('[data-stage-name="Lead"] [data-testid="board-card"]')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).findIndex((el) => el.getAttribute("data-card-id") === id), cardId);
const before = await positionOf();
const box = await card.boundingBox();
const t0 = Date.now();
await page.mouse.move(box.x + box.width / 2, box.y + 20);
await page.mouse.down();
await page.mouse.move(box.x + box.width / 2 + 8, box.y + 30, { steps: 3 });
await page.mouse.move(box.x + box.width / 2, box.y + 420, { steps: 30 });
await page.mouse.up();
await page.waitForTimeout(1500);
if (process.env.BENCH_SHOT) await page.screenshot({ path: process.env.BENCH_SHOT });
const longTasks = await page.evaluate(() => window.__longTasks);
console.log(`the card moved from position ${before} to ${await positionOf()} among the mounted cards`);
console.log(`drag and drop took ${Date.now() - t0} ms of wall time; long tasks over 50 ms: ${longTasks.length}${longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : ""}`);
await browser.close();
