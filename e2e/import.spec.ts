import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const require = createRequire(import.meta.url);

/** A HubSpot-like export of 200 deals, 5 of them bad in 5 different ways. */
function dealsFile(): { csv: string; bad: number[] } {
  const lines = ["Deal Name,Amount,Deal Stage,Close Date,Deal owner"];
  const bad = new Map<number, string>([
    [17, "E2E deal 017,abc,Lead,2027-01-15,alice@example.com"],
    [48, "E2E deal 048,1000,Nope,2027-01-15,alice@example.com"],
    [90, "E2E deal 090,1000,Lead,2027-02-30,alice@example.com"],
    [133, "E2E deal 133,1000,Lead,2027-01-15,ghost@example.com"],
    [176, ",1000,Lead,2027-01-15,alice@example.com"],
  ]);
  for (let i = 1; i <= 200; i++) {
    const n = String(i).padStart(3, "0");
    lines.push(bad.get(i) ?? `E2E deal ${n},"${(1000 + i).toLocaleString("en")}.50",${i % 2 ? "Lead" : "Qualified"},2027-01-15,${i % 3 ? "alice@example.com" : "bob@example.com"}`);
  }
  return { csv: `${lines.join("\r\n")}\r\n`, bad: [...bad.keys()].map((i) => i + 1) };
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: object, o: object) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run({ exclude: [["aside"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 120)).join(" | ")}`);
  });
}

test("a manager imports 200 deals with 5 bad rows, sees the 5 errors, imports, finds them on the board and undoes", async ({ page }) => {
  test.setTimeout(240_000);
  const { csv, bad } = dealsFile();
  await signIn(page, "manager@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();

  await page.getByLabel("What the file holds").selectOption("opportunity");
  await page.getByLabel("CSV file").setInputFiles({ name: "hubspot-deals.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: "hubspot-deals.csv: 200 rows" })).toBeVisible();
  // The HubSpot headers are mapped without help.
  await expect(page.getByLabel("Field for column Deal Name")).toHaveValue("title");
  await expect(page.getByLabel("Field for column Deal Stage")).toHaveValue("stage");
  await expect(page.getByLabel("Field for column Close Date")).toHaveValue("expectedCloseDate");
  await expect(page.getByLabel("Field for column Deal owner")).toHaveValue("owner");

  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await expect(page.getByText("195 rows will be saved (195 new, 0 updated); 5 will be rejected.")).toBeVisible({ timeout: 60_000 });
  const errors = page.getByTestId("import-error");
  await expect(errors).toHaveCount(5);
  expect(await errors.locator("td:first-child").allInnerTexts()).toEqual(bad.map(String));
  await expect(page.getByText('Unknown stage "Nope"')).toBeVisible();
  await expect(page.getByRole("link", { name: "Download rejected rows (CSV)" })).toBeVisible();
  // The page's content (the app shell's avatar is outside this change and excluded).
  expect.soft(await axeViolations(page)).toEqual([]);

  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `docs/screenshots/import-dry-run-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("button", { name: "Import 195 rows" }).click();
  // The progress bar shows while the job runs (it may already be done on a fast machine).
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText("195 created, 0 updated, 5 rejected")).toBeVisible();
  const importUrl = page.url();
  expect(importUrl).toMatch(/\/import\?id=/);
  // The progress survives a reload: the URL names the import.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByTestId("import-history-row").first()).toContainText("hubspot-deals.csv");

  await page.getByRole("link", { name: "Open the board" }).click();
  await page.goto("/board?q=E2E%20deal%20001");
  await expect(page.getByText("E2E deal 001").first()).toBeVisible();

  await page.goto(importUrl);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByRole("heading", { name: "Import undone" })).toBeVisible({ timeout: 120_000 });
  const api = await page.request.get("/api/v1/opportunities?q=E2E%20deal");
  expect((await api.json()).total).toBe(0);
});

test("a salesperson is not offered the import and is refused it", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
  const res = await page.goto("/import");
  expect(res?.status()).toBe(403);
});
