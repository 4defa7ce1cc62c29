// Access control, table-driven (tests/security/access-table.ts): every route
// handler and every server action is tried as an anonymous caller, as a
// deactivated user (session cookie and API key, refused at once), as bob
// (SALES) on alice's private records, and as bob and the manager on admin-only
// operations; each must be refused. A route or action without a row fails.
//
// Everything runs over HTTP against the production build, exactly as clients
// call it. Server actions too: they are public HTTP endpoints in disguise, so
// they are called the way the browser calls them (a POST with the action id
// from the build's manifest in the Next-Action header, the session cookie, the
// arguments in React's reply format). That exercises what an in-process call
// would skip: Next.js dispatching the action, Auth.js decoding the session
// cookie, serverAction() re-checking the session and the active flag, the
// shared schema, and the service's own authorization, which is where the
// rules live (the actions are one line each). The manifest also lists inline
// actions that no source scan of exports would find.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouteHandlers, type RouteHandler } from "../support/app-routes";
import { startAppServer, type AppServer } from "../support/app-server";
import { loadDemoWorld, type DemoWorld } from "../support/demo-world";
import { call, signInCookie, type JsonResponse } from "../support/http-client";
import { profileSessions } from "../support/profile-sessions";
import { builtServerActions, callAction, sourceServerActions, type ServerActionRef } from "../support/server-actions";
import { availableKinds } from "../support/test-database";
import { ACTIONS, isNa, ROUTES, type AccessFixture, type ActionResultLike, type RouteRow } from "./access-table";

interface Caller {
  label: string;
  key?: string;
  cookie?: string;
}

const BODY_METHODS = ["POST", "PUT", "PATCH"];

describe.each(availableKinds())("access control on %s", (kind) => {
  let app: AppServer;
  let world: DemoWorld;
  let f: AccessFixture;
  let actions: Map<string, ServerActionRef>;
  let deactivated: Caller[];
  const failures: string[] = [];

  const send = (method: string, path: string, body: unknown, who: Caller) =>
    call(app.url, method, path, { key: who.key, cookie: who.cookie, headers: who.cookie ? { Origin: app.url } : {}, body });

  async function runAction(key: string, input: unknown, who: Caller): Promise<ActionResultLike> {
    const res = await callAction(app.url, actions.get(key)!, input, { cookie: who.cookie });
    if (!res.result) throw new Error(`${key} as ${who.label}: no action result (HTTP ${res.status}): ${res.text.slice(0, 200)}`);
    return res.result;
  }

  async function actionData<T = any>(key: string, input: unknown, who: Caller): Promise<T> {
    const result = await runAction(key, input, who);
    if (!result.ok) throw new Error(`${key} as ${who.label} failed: ${JSON.stringify(result.error)}`);
    return result.data as T;
  }

  async function makeFixture(): Promise<AccessFixture> {
    const pipelineOf = (id: string) => world.stages.filter((s) => s.pipelineId === id);
    const open = pipelineOf(world.defaultPipelineId).filter((s) => s.type === "OPEN");
    const marker = `${Date.now()}`.slice(-6);
    const created = await send("POST", "/api/v1/opportunities", {
      title: `Secret deal ${marker}`, stageId: open[0].id, amount: "7777777.77", expectedCloseDate: "2990-06-15", externalId: `secret-${marker}`, isPrivate: true,
    }, { label: "alice", key: world.keys.alice });
    expect(created.status).toBe(201);
    const line = await send("POST", `/api/v1/opportunities/${created.body.id}/line-items`, { name: "Secret line", quantity: "1", unitPrice: "7777777.77" }, { label: "alice", key: world.keys.alice });
    expect(line.status).toBe(201);
    const products = await send("GET", "/api/v1/products?limit=1", undefined, { label: "alice", key: world.keys.alice });
    const account = await actionData<{ id: string }>("lib/actions/accounts.ts#createAccountAction", { name: `Alice's account ${marker}` }, { label: "alice", cookie: world.cookies.alice });
    const other = world.pipelineIds.find((id) => id !== world.defaultPipelineId)!;
    const aliceSession = (await profileSessions(app.url, await signInCookie(app.url, "alice@example.com"))).current;
    const alice = { label: "alice", key: world.keys.alice };
    const activityTypeId = (await send("GET", "/api/v1/activity-types", undefined, alice)).body.data[0].id as string;
    const activity = await send("POST", "/api/v1/activities", { typeId: activityTypeId, subject: "Secret call", opportunityId: created.body.id }, alice);
    const note = await send("POST", "/api/v1/notes", { body: "Secret note", opportunityId: created.body.id }, alice);
    // The manager (who sees every deal) hands alice a task on it: her notification.
    await send("POST", "/api/v1/activities", { typeId: activityTypeId, subject: "Secret task", opportunityId: created.body.id, assigneeId: world.userIds.alice }, { label: "manager", key: world.keys.manager });
    const notification = (await send("GET", "/api/v1/notifications?unread=true", undefined, alice)).body.data.find((n: { opportunityId: string }) => n.opportunityId === created.body.id);
    expect([activity.status, note.status, notification?.kind]).toEqual([201, 201, "activity_assigned"]);
    const hook = await send("POST", "/api/v1/webhooks", { url: `https://hooks-${marker}.example.invalid/alice`, eventTypes: ["*"] }, { label: "alice", key: world.keys.alice });
    expect(hook.status).toBe(201);
    const delivery = await send("POST", `/api/v1/webhooks/${hook.body.id}/test`, undefined, { label: "alice", key: world.keys.alice });
    expect(delivery.status).toBe(201);
    expect(aliceSession).toEqual(expect.any(String));
    return {
      world,
      secret: {
        id: created.body.id, title: created.body.title, externalId: created.body.externalId, stageId: open[0].id, pipelineId: world.defaultPipelineId,
        amount: "7777777.77", closeMonth: { from: "2990-06-01", to: "2990-06-30" }, lineId: line.body.id,
      },
      otherStageId: open[1].id,
      aliceAccountId: account.id,
      pipelineId: other,
      stageId: pipelineOf(other).find((s) => s.type === "OPEN")!.id,
      productId: products.body.data[0].id,
      aliceSessionId: aliceSession!,
      secretActivityId: activity.body.id,
      secretNoteId: note.body.id,
      aliceNotificationId: notification.id,
      activityTypeId,
      aliceWebhookId: hook.body.id,
      aliceDeliveryId: delivery.body.id,
    };
  }

  /** Carol signs in and makes a key, both work, then an admin deactivates her through the settings action. */
  async function deactivatedUser(): Promise<Caller[]> {
    const admin = { label: "admin", cookie: world.cookies.admin };
    const email = `carol-${kind}@example.com`;
    const user = await actionData<{ id: string }>("lib/actions/users.ts#createUserAction", { email, name: "Carol", role: "SALES", password: "carol-pass-2026" }, admin);
    const cookie = await signInCookie(app.url, email, "carol-pass-2026");
    const key = (await send("POST", "/api/v1/api-keys", { name: "carol" }, { label: "carol", cookie })).body.secret as string;
    expect((await send("GET", "/api/v1/users", undefined, { label: "carol", key })).status).toBe(200);
    expect((await send("GET", "/api/v1/users", undefined, { label: "carol", cookie })).status).toBe(200);
    await actionData("lib/actions/users.ts#setUserActiveAction", { id: user.id, active: false }, admin);
    return [{ label: "deactivated carol's session", cookie }, { label: "deactivated carol's key", key }];
  }

  beforeAll(async () => {
    app = await startAppServer(kind);
    world = await loadDemoWorld(app);
    actions = new Map(builtServerActions().map((a) => [a.key, a]));
    f = await makeFixture();
    deactivated = await deactivatedUser();
  }, 300_000);
  afterAll(() => app?.stop());

  const guardedRoutes = () => appRouteHandlers().filter((h) => ROUTES[h.key] && !ROUTES[h.key].public);
  const guardedActions = () => Object.entries(ACTIONS).filter(([key, row]) => !row.public && actions.has(key));

  function defaultCall(h: RouteHandler, row: RouteRow) {
    const filled = h.path.replace("{id}", f.secret.id).replace("{stageId}", f.secret.stageId).replace("{externalId}", f.secret.externalId).replace("{itemId}", f.secret.lineId).replace(/\{[^}]+\}/g, "x");
    return { path: row.path?.(f) ?? filled, body: row.body?.(f) ?? (BODY_METHODS.includes(h.method) ? {} : undefined) };
  }

  function expectRefused(what: string, res: JsonResponse, statuses: number[]) {
    if (!statuses.includes(res.status)) failures.push(`${what}: expected ${statuses.join(" or ")}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }

  function expectActionRefused(what: string, result: ActionResultLike, codes: string[]) {
    if (result.ok || !codes.includes(result.error?.code ?? "")) failures.push(`${what}: expected ${codes.join(" or ")}, got ${JSON.stringify(result).slice(0, 200)}`);
  }

  function reportFailures() {
    const found = failures.splice(0);
    expect(found, found.join("\n")).toEqual([]);
  }

  it("has a row for every route handler and every server action, and none for what is gone", () => {
    const routes = appRouteHandlers().map((h) => h.key);
    const actionKeys = [...new Set([...actions.keys(), ...sourceServerActions()])];
    const problems = [
      ...routes.filter((k) => !ROUTES[k]).map((k) => `route "${k}" has no row in tests/security/access-table.ts ROUTES`),
      ...Object.keys(ROUTES).filter((k) => !routes.includes(k)).map((k) => `ROUTES row "${k}" names no route handler`),
      ...actionKeys.filter((k) => !ACTIONS[k]).map((k) => `server action "${k}" has no row in tests/security/access-table.ts ACTIONS`),
      ...Object.keys(ACTIONS).filter((k) => !actionKeys.includes(k)).map((k) => `ACTIONS row "${k}" names no server action`),
    ];
    expect(problems, problems.join("\n")).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
    expect(actions.size).toBeGreaterThan(40);
  });

  it("refuses anonymous callers with 401 on every guarded route and UNAUTHENTICATED on every action", async () => {
    for (const h of guardedRoutes()) {
      const { path, body } = defaultCall(h, ROUTES[h.key]);
      const res = await send(h.method, path, body, { label: "anonymous" });
      expectRefused(`${h.key} anonymous`, res, [401]);
      if (res.status === 401 && res.body?.error?.code !== "UNAUTHENTICATED") failures.push(`${h.key} anonymous: error shape ${JSON.stringify(res.body)}`);
    }
    for (const [key] of guardedActions()) expectActionRefused(`${key} anonymous`, await runAction(key, {}, { label: "anonymous" }), ["UNAUTHENTICATED"]);
    reportFailures();
  });

  it("refuses a deactivated user's session and API key at once, everywhere", async () => {
    for (const who of deactivated) {
      for (const h of guardedRoutes()) {
        const { path, body } = defaultCall(h, ROUTES[h.key]);
        expectRefused(`${h.key} as ${who.label}`, await send(h.method, path, body, who), [401]);
      }
      if (!who.cookie) continue;
      for (const [key, row] of guardedActions()) {
        const input = typeof row.admin === "function" ? row.admin(f) : row.foreign && !isNa(row.foreign) ? row.foreign.input(f) : {};
        expectActionRefused(`${key} as ${who.label}`, await runAction(key, input, who), ["UNAUTHENTICATED"]);
      }
    }
    reportFailures();
  });

  it("keeps alice's private records from bob on every route and action that reaches them", async () => {
    const alice = { label: "alice", key: world.keys.alice, cookie: world.cookies.alice };
    const secretAsAlice = async () => [
      (await send("GET", `/api/v1/opportunities/${f.secret.id}`, undefined, alice)).body,
      (await send("GET", `/api/v1/opportunities/${f.secret.id}/line-items`, undefined, alice)).body,
    ];
    const before = await secretAsAlice();
    expect(before[0]).toMatchObject({ title: f.secret.title, ownerId: world.userIds.alice, isPrivate: true, amount: f.secret.amount });
    for (const h of guardedRoutes()) {
      const c = ROUTES[h.key].foreign;
      if (!c || isNa(c)) continue;
      const path = c.path(f);
      const bobs: Caller[] = [{ label: "bob's session", cookie: world.cookies.bob }, ...(path.startsWith("/api/v1/") ? [{ label: "bob's key", key: world.keys.bob }] : [])];
      if (c.kind === "hides") {
        const marker = c.marker(f);
        const own = await send(h.method, path, undefined, alice);
        // The owner's answer must hold the marker, or the check below could never fail.
        if (own.status !== 200 || !JSON.stringify(own.body).includes(marker)) failures.push(`${h.key}: alice's own answer lacks "${marker}" (${own.status}), so the check proves nothing`);
        for (const bob of bobs) {
          const res = await send(h.method, path, undefined, bob);
          if (res.status < 300 && JSON.stringify(res.body).includes(marker)) failures.push(`${h.key} as ${bob.label}: shows alice's private "${marker}"`);
        }
      } else {
        for (const bob of bobs) expectRefused(`${h.key} as ${bob.label}`, await send(h.method, path, c.body?.(f), bob), c.statuses);
      }
    }
    const bob = { label: "bob", cookie: world.cookies.bob };
    for (const [key, row] of guardedActions()) {
      const c = row.foreign;
      if (!c || isNa(c)) continue;
      const result = await runAction(key, c.input(f), bob);
      const problem = c.check ? c.check(result, f) : result.ok || !["NOT_FOUND", "FORBIDDEN"].includes(result.error?.code ?? "") ? JSON.stringify(result).slice(0, 200) : null;
      if (problem) failures.push(`${key} as bob on alice's record: ${problem}`);
    }
    // Nothing bob tried changed it: the deal and its lines read as before, version included.
    expect(await secretAsAlice()).toEqual(before);
    reportFailures();
  });

  it("refuses admin-only operations to SALES users and managers with 403 / FORBIDDEN", async () => {
    const callers: Caller[] = [
      { label: "bob's session", cookie: world.cookies.bob },
      { label: "bob's key", key: world.keys.bob },
      { label: "the manager's session", cookie: world.cookies.manager },
    ];
    for (const h of guardedRoutes()) {
      const c = ROUTES[h.key].admin;
      if (!c || isNa(c)) continue;
      const path = c.path(f);
      // Keys only open /api/v1; elsewhere a key is no credential at all (401, as anonymous).
      for (const who of callers.filter((w) => w.cookie || path.startsWith("/api/v1/"))) expectRefused(`${h.key} as ${who.label}`, await send(h.method, path, c.body?.(f), who), [403]);
    }
    for (const [key, row] of guardedActions()) {
      if (typeof row.admin !== "function") continue;
      for (const who of callers.filter((c) => c.cookie)) expectActionRefused(`${key} as ${who.label}`, await runAction(key, row.admin(f), who), ["FORBIDDEN"]);
    }
    reportFailures();
  });
});
