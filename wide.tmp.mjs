import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3401";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(`${base}/signin`);
await page.getByLabel("Email").fill("admin@example.com");
await page.getByLabel("Password").fill("demo-pass-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByTestId("current-user").waitFor();
for (const p of process.argv.slice(2)) {
  await page.goto(`${base}${p}`);
  await page.waitForLoadState("networkidle");
  const found = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > 392 && r.width > 0) {
        let clipped = false;
        for (let a = el.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if ((o === "auto" || o === "hidden" || o === "scroll") && a.getBoundingClientRect().right <= 392) { clipped = true; break; } }
        if (!clipped) out.push(`${el.tagName}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} w=${Math.round(r.width)}`);
      }
    }
    const all = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 392 && !el.closest("nav")).map((el) => `${el.tagName}.${String(el.className).slice(0, 60)} r=${Math.round(el.getBoundingClientRect().right)}`);
    window.scrollTo(300, 0);
    const chain = [];
    for (const el of document.querySelectorAll("body *")) if (el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflowX === "visible") chain.push(`${el.tagName}.${String(el.className).slice(0, 50)} sw=${el.scrollWidth} cw=${el.clientWidth}`);
    return [document.documentElement.scrollWidth, window.scrollX, ...chain.slice(0, 8), ...out.slice(0, 6), "--", ...all.slice(0, 8)];
  });
  console.log(p, found);
}
await browser.close();
