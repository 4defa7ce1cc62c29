// What a seeded app server holds, read over HTTP the way a client learns it:
// a session cookie and an API key per demo user, and the ids of real records
// (every opportunity, private ones of other users included) for tests that
// aim requests at them.
import type { AppServer } from "./app-server";
import { call, signInCookie } from "./http-client";

export const DEMO_USERS = ["admin", "manager", "alice", "bob"] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

export interface WorldOpportunity {
  id: string;
  title: string;
  ownerId: string;
  memberIds: string[];
  isPrivate: boolean;
  version: number;
  externalId: string | null;
  accountId: string | null;
  contactIds: string[];
  sourceId: string | null;
  typeId: string | null;
  customFieldKeys: string[];
  currency: string;
}

export interface DemoWorld {
  cookies: Record<DemoUser, string>;
  keys: Record<DemoUser, string>;
  userIds: Record<DemoUser, string>;
  pipelineIds: string[];
  defaultPipelineId: string;
  stages: { id: string; pipelineId: string; type: "OPEN" | "WON" | "LOST" }[];
  lostReasonIds: string[];
  labels: string[];
  opportunities: WorldOpportunity[];
  productIds: string[];
  /** Line items of the first opportunities (read as the admin). */
  lineItemIds: string[];
  /** A second key per user, for tests that revoke keys (never the ones above). */
  spareApiKeyIds: Record<DemoUser, string>;
}

async function ok<T = any>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const res = await promise;
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/** Every opportunity, read as the admin (who sees private ones too). */
export async function allOpportunities(url: string, adminKey: string): Promise<WorldOpportunity[]> {
  const out: WorldOpportunity[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await ok(call(url, "GET", `/api/v1/opportunities?limit=100&offset=${offset}`, { key: adminKey }), "listing opportunities");
    for (const o of page.data) {
      out.push({
        id: o.id, title: o.title, ownerId: o.ownerId, memberIds: o.memberIds, isPrivate: o.isPrivate, version: o.version,
        externalId: o.externalId, accountId: o.accountId, contactIds: o.contacts.map((c: { contactId: string }) => c.contactId),
        sourceId: o.sourceId, typeId: o.typeId, customFieldKeys: Object.keys(o.customFields), currency: o.currency,
      });
    }
    if (!page.hasMore) return out;
  }
}

export async function loadDemoWorld(app: AppServer): Promise<DemoWorld> {
  const cookies = {} as Record<DemoUser, string>;
  const keys = {} as Record<DemoUser, string>;
  const spareApiKeyIds = {} as Record<DemoUser, string>;
  for (const user of DEMO_USERS) {
    cookies[user] = await signInCookie(app.url, `${user}@example.com`);
    const created = await ok(call(app.url, "POST", "/api/v1/api-keys", { cookie: cookies[user], headers: { Origin: app.url }, body: { name: "tests" } }), "creating a key");
    keys[user] = created.secret;
    const spare = await ok(call(app.url, "POST", "/api/v1/api-keys", { key: keys[user], body: { name: "spare" } }), "creating a spare key");
    spareApiKeyIds[user] = spare.key.id;
  }
  const users = await ok(call(app.url, "GET", "/api/v1/users?limit=100", { key: keys.admin }), "listing users");
  const userIds = Object.fromEntries(DEMO_USERS.map((u) => [u, users.data.find((x: { email: string }) => x.email === `${u}@example.com`).id])) as Record<DemoUser, string>;
  const board = await ok(call(app.url, "GET", "/api/board", { cookie: cookies.admin }), "reading the board");
  const pipelineIds: string[] = board.pipelines.map((p: { id: string }) => p.id);
  const stages: DemoWorld["stages"] = [];
  for (const pipelineId of pipelineIds) {
    const b = await ok(call(app.url, "GET", `/api/board?pipelineId=${pipelineId}`, { cookie: cookies.admin }), "reading a board");
    for (const s of b.stages) stages.push({ id: s.id, pipelineId, type: s.type });
  }
  const opportunities = await allOpportunities(app.url, keys.admin);
  const products = await ok(call(app.url, "GET", "/api/v1/products?limit=100", { key: keys.admin }), "listing products");
  const lineItemIds: string[] = [];
  for (const o of opportunities.slice(0, 20)) {
    const lines = await ok(call(app.url, "GET", `/api/v1/opportunities/${o.id}/line-items`, { key: keys.admin }), "listing line items");
    lineItemIds.push(...lines.data.map((l: { id: string }) => l.id));
  }
  return {
    cookies,
    keys,
    userIds,
    pipelineIds,
    defaultPipelineId: board.pipeline.id,
    stages,
    lostReasonIds: board.lostReasons.map((r: { id: string }) => r.id),
    labels: board.labels.map((l: { key: string }) => l.key),
    opportunities,
    productIds: products.data.map((p: { id: string }) => p.id),
    lineItemIds,
    spareApiKeyIds,
  };
}

/** A private opportunity of `owner` that `other` may not see (not a member). */
export function privateOpportunityOf(world: DemoWorld, owner: DemoUser, other: DemoUser): WorldOpportunity {
  const found = world.opportunities.find((o) => o.isPrivate && o.ownerId === world.userIds[owner] && !o.memberIds.includes(world.userIds[other]));
  if (!found) throw new Error(`The demo data has no private opportunity of ${owner} hidden from ${other}`);
  return found;
}
