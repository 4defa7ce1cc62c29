import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("a user opens their profile from the user menu, renames themself and signs other browsers out", async ({ browser }) => {
  const here = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext({ userAgent: IPHONE })).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await signIn(phone, "bob@example.com");
  await signIn(laptop, "bob@example.com");
  await signIn(here, "bob@example.com");

  await here.getByTitle("Your profile").click();
  await expect(here.getByRole("heading", { name: "Your profile" })).toBeVisible();
  const sessions = here.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
  await expect(sessions.first()).toContainText("This browser");
  await expect(sessions.filter({ hasText: "Safari on iOS" })).toHaveCount(1);

  await here.getByRole("button", { name: "Sign out Safari on iOS" }).click();
  await expect(here.getByText("Signed out Safari on iOS")).toBeVisible();
  await expect(sessions.filter({ hasText: "Safari on iOS" })).toHaveCount(0);
  await phone.goto("/board");
  await expect(phone).toHaveURL(/\/signin/);

  await here.getByRole("button", { name: "Sign out of all other sessions" }).click();
  const confirm = here.getByRole("dialog", { name: "Sign out of all other sessions?" });
  await confirm.getByRole("button", { name: /^Sign out \d+ sessions?$/ }).click();
  await expect(confirm).toBeHidden();
  await expect(sessions).toHaveCount(1);
  await expect(here.getByText("You are signed in only here.")).toBeVisible();
  await expect(here.getByRole("button", { name: "Sign out of all other sessions" })).toBeDisabled();
  await laptop.goto("/board");
  await expect(laptop).toHaveURL(/\/signin/);

  const name = here.getByLabel("Name");
  const before = await name.inputValue();
  await name.fill("");
  await here.getByRole("button", { name: "Save name" }).click();
  await expect(here.getByText("Enter a name")).toBeVisible();
  await name.fill("Bob the Closer");
  await here.getByRole("button", { name: "Save name" }).click();
  await expect(here.getByText("Name saved")).toBeVisible();
  await expect(here.getByTestId("current-user")).toHaveText("Bob the Closer");
  await name.fill(before);
  await here.getByRole("button", { name: "Save name" }).click();
  await expect(here.getByTestId("current-user")).toHaveText(before);
});

test("a wrong current password is named beside its field, and the password stays", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/profile");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("brand-new-pass-1");
  await page.getByLabel("Repeat the new password").fill("brand-new-pass-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two new passwords differ")).toBeVisible();
  await page.getByLabel("Repeat the new password").fill("brand-new-pass-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password")).toBeVisible();
  await expect(page.getByLabel("Current password")).toBeFocused();
});

test("e-mail notifications are switched off and on from the profile, and the choice stays after a reload", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/profile");
  const mail = page.getByRole("checkbox", { name: /Also send my notifications by e-mail/ });
  await expect(mail).toBeChecked();
  // The e2e server has no SMTP_URL: the page says that nothing is sent yet.
  await expect(page.getByText(/no mail server configured yet/)).toBeVisible();
  await mail.uncheck();
  await expect(page.getByText("E-mail notifications off")).toBeVisible();
  await page.reload();
  await expect(mail).not.toBeChecked();
  await mail.check();
  await expect(page.getByText("E-mail notifications on")).toBeVisible();
  await page.reload();
  await expect(mail).toBeChecked();
});
