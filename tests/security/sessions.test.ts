// Session revocation over HTTP against the production build, with copied
// cookies: a cookie someone copied stops working, on the API (401), on pages
// (a redirect to sign-in), in server actions (UNAUTHENTICATED) and on
// Auth.js's own session endpoint (null), after each way a session ends:
// sign-out (the UI's action and Auth.js's endpoint), "sign out" of one
// session, "sign out of all other sessions", a password change, an admin's
// password reset, a role change and deactivation. Sessions that should live
// on, do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { profileSessions } from "../support/profile-sessions";
import { builtServerActions, callAction, type ActionCall } from "../support/server-actions";
import { availableKinds } from "../support/test-database";

const PASSWORD = "first-password-2026";

describe.each(availableKinds())("session revocation on %s", (kind) => {
  let app: AppServer;
  let adminCookie: string;
  let n = 0;

  const actionByName = (name: string) => {
    const found = builtServerActions().find((a) => a.key.endsWith(`#${name}`));
    if (!found) throw new Error(`${name} is not in the build`);
    return found;
  };
  const act = (name: string, input: unknown, cookie: string): Promise<ActionCall> => callAction(app.url, actionByName(name), input, { cookie });
  async function ok(name: string, input: unknown, cookie: string) {
    const res = await act(name, input, cookie);
    expect(res.result, `${name}: ${res.text.slice(0, 200)}`).toMatchObject({ ok: true });
    return res.result!.data as any;
  }

  /** A fresh user, so that one trigger's effects never reach another's check. */
  async function newUser(): Promise<{ id: string; email: string }> {
    const email = `session-${kind}-${++n}@example.com`;
    const created = await ok("createUserAction", { email, name: `Session User ${n}`, role: "SALES", password: PASSWORD }, adminCookie);
    return { id: created.id, email };
  }

  /** What a copied cookie gets on the API, a page, an action and Auth.js's session endpoint. */
  async function reach(cookie: string) {
    const [api, page, action, session] = await Promise.all([
      call(app.url, "GET", "/api/v1/users?limit=1", { cookie }),
      fetch(`${app.url}/opportunities`, { headers: { Cookie: cookie }, redirect: "manual" }),
      act("searchAccountsAction", { q: "a" }, cookie),
      call(app.url, "GET", "/api/auth/session", { cookie }),
    ]);
    return {
      api: api.status,
      page: page.status === 200 ? "page" : `${page.status} ${new URL(page.headers.get("location") ?? "/", app.url).pathname}`,
      action: action.result?.ok ? "ok" : action.result?.error?.code,
      session: session.body === null ? "none" : "signed in",
    };
  }
  const ENDED = { api: 401, page: "307 /signin", action: "UNAUTHENTICATED", session: "none" };
  const LIVE = { api: 200, page: "page", action: "ok", session: "signed in" };

  beforeAll(async () => {
    app = await startAppServer(kind);
    adminCookie = await signInCookie(app.url, "admin@example.com");
  }, 300_000);
  afterAll(() => app?.stop());

  it("ends the session on sign-out through the user menu's action: a copy of the cookie is refused everywhere", async () => {
    const user = await newUser();
    const cookie = await signInCookie(app.url, user.email, PASSWORD);
    const copied = cookie; // what someone who copied the cookie holds: the same header, sent from elsewhere
    expect(await reach(copied)).toEqual(LIVE);
    const signOut = builtServerActions().find((a) => a.key === "components/app-shell/user-menu.tsx#$$RSC_SERVER_ACTION_0")!;
    const res = await callAction(app.url, signOut, undefined, { cookie, rawBody: "[]" });
    expect(res.status).toBeLessThan(400);
    expect(await reach(copied)).toEqual(ENDED);
  });

  it("ends the session on sign-out through Auth.js's endpoint", async () => {
    const user = await newUser();
    const cookie = await signInCookie(app.url, user.email, PASSWORD);
    const { csrfToken } = (await call(app.url, "GET", "/api/auth/csrf", { cookie })).body;
    const res = await fetch(`${app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/signin" }),
    });
    expect(res.status).toBe(302);
    expect(await reach(cookie)).toEqual(ENDED);
  });

  it("ends one other session from /profile, and every other one at once, keeping the one that asked", async () => {
    const user = await newUser();
    const [a, b, c] = [await signInCookie(app.url, user.email, PASSWORD), await signInCookie(app.url, user.email, PASSWORD), await signInCookie(app.url, user.email, PASSWORD)];
    const seen = await profileSessions(app.url, b);
    const idOfA = (await profileSessions(app.url, a)).current!;
    expect(seen.others).toContain(idOfA);
    expect((await ok("endSessionAction", { id: idOfA }, b)).current).toBe(false);
    expect(await reach(a)).toEqual(ENDED);
    expect(await reach(c)).toEqual(LIVE);
    expect(await ok("endOtherSessionsAction", {}, c)).toEqual({ ended: 1 });
    expect(await reach(b)).toEqual(ENDED);
    expect(await reach(c)).toEqual(LIVE);
    expect((await profileSessions(app.url, c)).others).toEqual([]);
  });

  it("ends the other sessions on sign-out-everywhere", async () => {
    const user = await newUser();
    const elsewhere = await signInCookie(app.url, user.email, PASSWORD);
    const here = await signInCookie(app.url, user.email, PASSWORD);
    expect(await ok("endOtherSessionsAction", {}, here)).toEqual({ ended: 1 });
    expect(await reach(elsewhere)).toEqual(ENDED);
    expect(await reach(here)).toEqual(LIVE);
  });

  it("ends the other sessions on a password change, and the new password signs in", async () => {
    const user = await newUser();
    const elsewhere = await signInCookie(app.url, user.email, PASSWORD);
    const here = await signInCookie(app.url, user.email, PASSWORD);
    const wrong = await act("changePasswordAction", { currentPassword: "not-the-password", newPassword: "second-password-2026", confirmPassword: "second-password-2026" }, here);
    expect(wrong.result).toMatchObject({ ok: false, error: { code: "VALIDATION", fields: { currentPassword: expect.any(String) } } });
    expect((await call(app.url, "GET", "/api/v1/users?limit=1", { cookie: elsewhere })).status).toBe(200);
    expect(await ok("changePasswordAction", { currentPassword: PASSWORD, newPassword: "second-password-2026", confirmPassword: "second-password-2026" }, here)).toEqual({ endedSessions: 1 });
    expect(await reach(elsewhere)).toEqual(ENDED);
    expect((await call(app.url, "GET", "/api/v1/users?limit=1", { cookie: here })).status).toBe(200);
    await expect(signInCookie(app.url, user.email, PASSWORD)).rejects.toThrow();
    expect(await signInCookie(app.url, user.email, "second-password-2026")).toContain("authjs.session-token=");
  });

  const ADMIN_CHANGES: [string, (id: string) => [string, unknown]][] = [
    ["an admin's password reset", (id) => ["resetPasswordAction", { id }]],
    ["a role change", (id) => ["changeRoleAction", { id, role: "MANAGER" }]],
    ["deactivation", (id) => ["setUserActiveAction", { id, active: false }]],
  ];
  it.each(ADMIN_CHANGES)("ends every session of the user on %s", async (_name, change) => {
    const user = await newUser();
    const cookies = [await signInCookie(app.url, user.email, PASSWORD), await signInCookie(app.url, user.email, PASSWORD)];
    const [action, input] = change(user.id);
    await ok(action, input, adminCookie);
    for (const cookie of cookies) expect(await reach(cookie)).toEqual(ENDED);
    // The admin who made the change stays signed in.
    expect((await call(app.url, "GET", "/api/v1/users?limit=1", { cookie: adminCookie })).status).toBe(200);
  });

  it("lists this browser's session on /profile, linked from the user menu", async () => {
    const user = await newUser();
    const cookie = await signInCookie(app.url, user.email, PASSWORD);
    const html = await (await fetch(`${app.url}/opportunities`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('href="/profile"');
    const sessions = await profileSessions(app.url, cookie);
    expect(sessions).toEqual({ current: expect.any(String), others: [] });
  });
});
