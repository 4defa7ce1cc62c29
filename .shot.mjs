import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:" + (process.env.PORT ?? "3402");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(base + "/signin");
await page.getByLabel("Email").fill(process.env.USER_EMAIL ?? "alice@example.com");
await page.getByLabel("Password").fill("demo-pass-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByTestId("current-user").waitFor();
for (const [name, path] of (process.env.PAGES ?? "").split(",").map((p) => p.split("="))) {
  await page.goto(base + path);
  await page.waitForLoadState("load"); await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: process.env.FULL !== "0" });
}
if (process.env.FIRST_OPP) {
  await page.goto(base + "/opportunities");
  await page.getByTestId("opportunity-row").first().getByRole("link").click();
  await page.waitForURL(/opportunities\/.+/);
  await page.waitForLoadState("load"); await page.waitForTimeout(800);
  console.log(page.url());
  await page.screenshot({ path: `/tmp/shots/detail.png`, fullPage: true });
}
await browser.close();
