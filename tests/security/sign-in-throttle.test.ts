// The sign-in throttle over HTTP against the production build: 50 parallel
// guesses at one account check at most 10 passwords, through Auth.js's
// credentials endpoint and through the sign-in form's server action, and the
// right password gets no session once they are used up; the same across two
// app instances on one PostgreSQL database. Passwords checked are counted
// from the server's own log ("password checked", one line per check), not
// from the answers. And the client address and host follow TRUST_PROXY:
// behind a trusted proxy X-Forwarded-For/-Host are believed; without one a
// client cannot spread its guesses over made-up addresses nor forge the host.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { builtServerActions, callAction } from "../support/server-actions";
import { availableKinds } from "../support/test-database";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (v: unknown) => Promise<string | FormData> };

const LIMIT = 10;
const RIGHT = "the-right-password-1";

const checks = (app: AppServer) => {
  const lines = app.output().split("\n").filter((l) => l.includes('"event":"password-check"'));
  return { all: lines.length, wrong: lines.filter((l) => l.includes('"matches":false')).length, right: lines.filter((l) => l.includes('"matches":true')).length };
};
/** Log lines are written as requests finish; give the last ones a moment. */
const settled = () => new Promise((r) => setTimeout(r, 500));

const sessionCookie = (response: Response) => response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));

async function csrfOf(app: AppServer): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** One attempt through POST /api/auth/callback/credentials; true when it got a session. */
async function viaCallback(app: AppServer, email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
  const csrf = await csrfOf(app);
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie, ...headers },
    body: new URLSearchParams({ csrfToken: csrf.token, email, password, callbackUrl: "/" }),
  });
  await res.arrayBuffer();
  return sessionCookie(res);
}

/** One attempt through the sign-in form's server action, encoded as the browser's form submission is. */
async function viaAction(app: AppServer, email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
  const action = builtServerActions().find((a) => a.key.endsWith("#signInAction"))!;
  const form = new FormData();
  form.append("callbackUrl", "/opportunities");
  form.append("email", email);
  form.append("password", password);
  const res = await fetch(`${app.url}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: app.url, ...headers },
    body: (await encodeReply([{}, form])) as FormData,
  });
  await res.arrayBuffer();
  return sessionCookie(res);
}

type Attempt = typeof viaCallback;

describe.each(availableKinds())("sign-in throttle over HTTP on %s", (kind) => {
  let proxied: AppServer; // TRUST_PROXY=1: tests choose each attempt's address with X-Forwarded-For, as a proxy would report it
  let direct: AppServer; // no proxy: the socket's address, whatever the headers say
  let adminCookie: string;
  let n = 0;

  async function victim(): Promise<string> {
    const email = `throttle-${kind}-${++n}@example.com`;
    const create = builtServerActions().find((a) => a.key.endsWith("#createUserAction"))!;
    const res = await callAction(proxied.url, create, { email, name: `Victim ${n}`, role: "SALES", password: RIGHT }, { cookie: adminCookie });
    expect(res.result).toMatchObject({ ok: true });
    return email;
  }

  /** 50 parallel attempts, the right password among 49 wrong ones, each from its own address. */
  async function burst(attempt: Attempt, apps: AppServer[], email: string) {
    const before = apps.map(checks);
    const sessions = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(apps[i % apps.length], email, i === 25 ? RIGHT : `wrong-guess-${i}`, { "X-Forwarded-For": `198.18.${n}.${i}` })),
    );
    await settled();
    const after = apps.map(checks);
    const delta = (k: "all" | "wrong" | "right") => after.reduce((sum, a, i) => sum + a[k] - before[i][k], 0);
    return { checked: delta("all"), wrong: delta("wrong"), right: delta("right"), sessions: sessions.filter(Boolean).length };
  }

  beforeAll(async () => {
    [proxied, direct] = await Promise.all([startAppServer(kind, { TRUST_PROXY: "1", LOG_LEVEL: "info" }), startAppServer(kind, { LOG_LEVEL: "info" })]);
    adminCookie = await signInCookie(proxied.url, "admin@example.com");
  }, 300_000);
  afterAll(async () => {
    await Promise.all([proxied?.stop(), direct?.stop()]);
  });

  it.each([
    ["Auth.js's credentials endpoint", viaCallback],
    ["the sign-in form's server action", viaAction],
  ] as const)("checks at most 10 of 50 parallel passwords through %s, and then refuses the right one unchecked", async (_via, attempt) => {
    const email = await victim();
    const result = await burst(attempt, [proxied], email);
    console.info(`[throttle ${kind}] ${_via}: 50 parallel attempts, ${result.checked} passwords checked (${result.wrong} wrong), ${result.sessions} session`);
    expect(result.wrong).toBeLessThanOrEqual(LIMIT);
    expect(result.checked).toBeLessThanOrEqual(LIMIT + 1);
    // A session only for the right password when it was among those checked in time.
    expect(result.sessions).toBe(result.right);
    const before = checks(proxied).all;
    expect(await attempt(proxied, email, RIGHT, { "X-Forwarded-For": "198.19.0.1" })).toBe(false);
    await settled();
    expect(checks(proxied).all).toBe(before);
  });

  it("checks at most 10 passwords from one address guessing at 50 accounts at once; other addresses still sign in", async () => {
    const before = checks(proxied).all;
    await Promise.all(Array.from({ length: 50 }, (_, i) => viaCallback(proxied, `nobody-${kind}-${i}@example.com`, "guess", { "X-Forwarded-For": "198.19.1.1" })));
    await settled();
    expect(checks(proxied).all - before).toBe(LIMIT);
    expect(await viaCallback(proxied, "bob@example.com", "demo-pass-2026", { "X-Forwarded-For": "198.19.1.1" })).toBe(false);
    // Behind a trusted proxy, X-Forwarded-For is the address: another one is not locked.
    expect(await viaCallback(proxied, "bob@example.com", "demo-pass-2026", { "X-Forwarded-For": "198.19.1.2" })).toBe(true);
  });

  it.runIf(kind === "postgres")("holds across two app instances on one database", async () => {
    const second = await startAppServer(kind, { TRUST_PROXY: "1", LOG_LEVEL: "info" }, { databaseUrl: proxied.databaseUrl });
    try {
      const email = await victim();
      const result = await burst(viaCallback, [proxied, second], email);
      console.info(`[throttle ${kind}] two instances: 50 parallel attempts, ${result.checked} passwords checked (${result.wrong} wrong), ${result.sessions} session`);
      expect(result.wrong).toBeLessThanOrEqual(LIMIT);
      expect(result.checked).toBeLessThanOrEqual(LIMIT + 1);
      expect(result.sessions).toBe(result.right);
      expect(await viaCallback(second, email, RIGHT, { "X-Forwarded-For": "198.19.2.1" })).toBe(false);
    } finally {
      await second.kill("SIGTERM");
    }
  }, 300_000);

  it("believes X-Forwarded-Host behind a trusted proxy and not without one, for session writes and server actions alike", async () => {
    const forged = { Origin: "https://crm.example", "X-Forwarded-Host": "crm.example" };
    expect((await call(proxied.url, "POST", "/api/v1/api-keys", { cookie: adminCookie, headers: forged, body: { name: "behind a proxy" } })).status).toBe(201);
    const directCookie = await signInCookie(direct.url, "admin@example.com");
    const refused = await call(direct.url, "POST", "/api/v1/api-keys", { cookie: directCookie, headers: forged, body: { name: "forged host" } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    const create = builtServerActions().find((a) => a.key.endsWith("#createApiKeyAction"))!;
    const viaProxy = await fetch(`${proxied.url}${create.page}`, {
      method: "POST", redirect: "manual", headers: { "Next-Action": create.id, Cookie: adminCookie, ...forged, "Content-Type": "text/plain;charset=UTF-8" }, body: JSON.stringify([{ name: "action behind a proxy" }]),
    });
    expect(viaProxy.status).toBe(200);
    const forgedAction = await fetch(`${direct.url}${create.page}`, {
      method: "POST", redirect: "manual", headers: { "Next-Action": create.id, Cookie: directCookie, ...forged, "Content-Type": "text/plain;charset=UTF-8" }, body: JSON.stringify([{ name: "forged" }]),
    });
    expect(forgedAction.status).toBe(403);
    expect(await forgedAction.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("without a trusted proxy counts every guess under the socket's address, whatever X-Forwarded-For says", async () => {
    for (let i = 0; i < LIMIT; i++) expect(await viaCallback(direct, `spoofer-${i}@example.com`, "guess", { "X-Forwarded-For": `203.0.113.${i}` })).toBe(false);
    // The right password of a real account, from yet another made-up address: the real address is used up.
    expect(await viaCallback(direct, "bob@example.com", "demo-pass-2026", { "X-Forwarded-For": "203.0.113.200" })).toBe(false);
    // Refused guesses are expected outcomes, not errors.
    const errors = direct.output().split("\n").filter((l) => l.includes('"level":50'));
    expect(errors, errors.join("\n").slice(0, 2000)).toEqual([]);
  });
});
