import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("accounts: create, sell to, add contacts, and delete by handing everything to another account", async ({ page }) => {
  const heir = `Wombat ${unique()}`;
  const doomed = `Numbat ${unique()}`;
  await signIn(page, "alice@example.com");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("link", { name: "New account" }).click();
  await page.getByLabel("Name").fill(heir);
  await page.getByLabel("Website").fill("not a site");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a web address like example.com" })).toBeVisible();
  await page.getByLabel("Website").fill("wombat.example");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: heir, exact: true })).toBeVisible();

  // A contact for it, then an opportunity started from the account page.
  await page.getByRole("link", { name: "Add contact" }).click();
  await page.getByLabel("First name").fill("Wendy");
  await page.getByLabel("Last name").fill(`Wombat${unique()}`);
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByRole("link", { name: heir })).toBeVisible();
  await page.getByRole("link", { name: heir }).click();
  await page.getByRole("link", { name: "New opportunity" }).click();
  await expect(page.getByRole("button", { name: "Account", exact: true })).toHaveText(heir);
  await page.getByLabel("Title").fill(`${heir} deal`);
  await page.getByLabel("Amount", { exact: true }).fill("500");
  await page.getByRole("combobox", { name: "Contacts" }).fill("Wendy Wombat");
  await page.getByRole("option", { name: /^Wendy Wombat/ }).click();
  await expect(page.getByTestId("opportunity-contacts")).toContainText("Primary");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: `${heir} deal` })).toBeVisible();
  await expect(page.locator("#contacts")).toContainText("Primary");

  // An account created inline from the opportunity form.
  await page.goto("/opportunities/new");
  await page.getByLabel("Title").fill(`${doomed} deal`);
  await page.getByRole("combobox", { name: "Account" }).fill(doomed);
  await page.getByRole("option", { name: `Create “${doomed}”` }).click();
  await expect(page.getByRole("button", { name: "Account", exact: true })).toHaveText(doomed);
  await page.getByRole("combobox", { name: "Contacts" }).fill("Dora Numbat");
  await page.getByRole("option", { name: "Create “Dora Numbat”" }).click();
  await expect(page.getByTestId("opportunity-contacts")).toContainText("Dora Numbat");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByRole("heading", { name: `${doomed} deal` })).toBeVisible();

  // Deleting the inline account asks what happens to its opportunity, which moves to the heir.
  await page.getByRole("link", { name: doomed }).first().click();
  await expect(page.getByRole("heading", { name: doomed, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("1 opportunity and 1 contact belong to this account");
  await dialog.getByLabel("Move them to another account").check();
  await dialog.getByRole("combobox").fill(heir);
  await dialog.getByRole("option", { name: heir }).click();
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/accounts$/);

  await page.getByRole("searchbox", { name: "Search" }).fill(heir);
  await expect(page.getByTestId("account-row")).toHaveCount(1);
  await page.getByTestId("account-row").getByRole("link").click();
  await expect(page.getByTestId("account-totals")).toContainText("Open · 2");
  await expect(page.getByTestId("account-totals")).toContainText("$500.00");
  await expect(page.getByRole("link", { name: `${doomed} deal` })).toBeVisible();
});

test("delete dialogs count only what the user may see, and say that records they cannot see use it", async ({ page, browser }) => {
  const name = `Quokka ${unique()}`;
  await signIn(page, "bob@example.com");
  // Bob's account and contact, made through the API with his session (same origin, as the app's forms are).
  const origin = { Origin: new URL(page.url()).origin };
  const account = await (await page.request.post("/api/v1/accounts", { data: { name }, headers: origin })).json();
  const contact = await (await page.request.post("/api/v1/contacts", { data: { firstName: "Quinn", lastName: name.replace(" ", ""), accountId: account.id }, headers: origin })).json();

  // Alice puts a private deal of hers on them: bob may not see it.
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  await signIn(alice, "alice@example.com");
  const stages = (await (await alice.request.get("/api/v1/stages?limit=100")).json()).data as { id: string; type: string }[];
  const secret = await alice.request.post("/api/v1/opportunities", {
    data: { title: `${name} secret`, stageId: stages.find((s) => s.type === "OPEN")!.id, isPrivate: true, accountId: account.id, contacts: [{ contactId: contact.id, isPrimary: true }] },
    headers: origin,
  });
  expect(secret.status()).toBe(201);

  await page.goto(`/accounts/${account.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("1 contact and records you cannot see belong to this account. What should happen to them?");
  await expect(page.getByRole("dialog")).not.toContainText("opportunit");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("Records you cannot see list this contact. What should happen there?");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // Alice sees her deal, so she gets the count.
  await alice.goto(`/contacts/${contact.id}`);
  await alice.getByRole("button", { name: "Delete" }).click();
  await expect(alice.getByRole("dialog")).toContainText("1 opportunity lists this contact. What should happen there?");
  await aliceContext.close();
});
