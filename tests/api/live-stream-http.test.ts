// GET /api/stream against the production build, as browsers and proxies see
// it: the session only (401 in the error shape otherwise), a malformed
// position refused naming its field, an uncompressed event stream with the
// instance's name and heartbeats carrying the position, what each user may see
// of changes made through the API (never a private deal's id), the card that
// leaves bob's view when made private, and a resume after a drop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { expectEventStream, SseReader } from "../support/sse";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("the live stream over HTTP on %s", (kind) => {
  let app: AppServer;
  let cookies: Record<"alice" | "bob", string>;
  let aliceKey: string;
  let stageIds: string[];
  const streams: SseReader[] = [];

  async function stream(cookie: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const abort = new AbortController();
    const response = await fetch(`${app.url}/api/stream`, { headers: { Cookie: cookie, "Accept-Encoding": "gzip, br", ...headers }, signal: abort.signal });
    expectEventStream(response);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = new SseReader(response.body!, () => abort.abort());
    streams.push(reader);
    await reader.live();
    return reader;
  }
  const create = async (body: Record<string, unknown>) => {
    const res = await call(app.url, "POST", "/api/v1/opportunities", { key: aliceKey, body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const move = async (id: string, stageId: string) => expect((await call(app.url, "POST", `/api/v1/opportunities/${id}/move`, { key: aliceKey, body: { stageId } })).status).toBe(200);

  beforeAll(async () => {
    app = await startAppServer(kind, { INSTANCE_NAME: "app-test-1", LIVE_HEARTBEAT_MS: "400" });
    cookies = { alice: await signInCookie(app.url, "alice@example.com"), bob: await signInCookie(app.url, "bob@example.com") };
    aliceKey = (await call(app.url, "POST", "/api/v1/api-keys", { cookie: cookies.alice, headers: { Origin: app.url }, body: { name: "live" } })).body.secret;
    const pipelines = (await call(app.url, "GET", "/api/v1/pipelines", { key: aliceKey })).body.data as { id: string; isDefault: boolean }[];
    const stages = (await call(app.url, "GET", "/api/v1/stages?limit=100", { key: aliceKey })).body.data as { id: string; type: string; pipelineId: string }[];
    stageIds = stages.filter((s) => s.type === "OPEN" && s.pipelineId === pipelines.find((p) => p.isDefault)!.id).map((s) => s.id);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await app?.stop();
  });

  it("refuses callers without a session (an API key is none) and malformed positions, in the error shape", async () => {
    for (const options of [{}, { key: aliceKey }]) {
      const res = await call(app.url, "GET", "/api/stream", options);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    }
    const bad = await call(app.url, "GET", "/api/stream", { cookie: cookies.bob, headers: { "Last-Event-ID": "12.x" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({ "Last-Event-ID": expect.any(String) });
    const after = await call(app.url, "GET", "/api/stream?after=1", { cookie: cookies.bob });
    expect(after.body.error.fields).toEqual({ after: expect.any(String) });
  });

  it("names the instance in /api/ready and in the stream's greeting, and sends heartbeats with the position", async () => {
    expect((await call(app.url, "GET", "/api/ready")).body).toMatchObject({ ready: true, instance: "app-test-1" });
    const s = await stream(cookies.bob);
    expect(s.events[0]).toEqual({ id: null, event: "hello", data: { instance: "app-test-1" } });
    await s.until((r) => (r.raw.match(/: ping\nid: \d+\.\d+\n\n/g) ?? []).length >= 2, "two heartbeats");
  });

  it("sends bob alice's public changes and nothing of her private deal; a deal made private leaves with a tombstone", async () => {
    const bob = await stream(cookies.bob);
    const alice = await stream(cookies.alice);
    const open = await create({ title: "HTTP live public", stageId: stageIds[0], amount: "10.00" });
    const secret = await create({ title: "HTTP live secret", stageId: stageIds[0], amount: "10.00", isPrivate: true });
    await move(secret.id, stageIds[1]);
    await move(open.id, stageIds[1]);
    expect((await call(app.url, "PATCH", `/api/v1/opportunities/${open.id}`, { key: aliceKey, body: { isPrivate: true } })).status).toBe(200);
    await alice.until((r) => r.changes().length >= 5, "alice's five changes");
    await bob.until((r) => r.changes().length >= 3, "bob's three changes");
    await new Promise((r) => setTimeout(r, 500));
    expect(bob.changes().map((e) => [e.data.type, e.data.id])).toEqual([
      ["opportunity.created", open.id],
      ["opportunity.stage_changed", open.id],
      ["opportunity.hidden", open.id],
    ]);
    expect(bob.raw).not.toContain(secret.id);
    expect(alice.ids()).toEqual([open.id, secret.id, secret.id, open.id, open.id]);
  });

  it("resumes after a drop from Last-Event-ID with what was missed, once each", async () => {
    const first = await stream(cookies.bob);
    const deal = await create({ title: "HTTP resumed", stageId: stageIds[0], amount: "5.00" });
    await first.until((r) => r.ids().includes(deal.id), "the created deal");
    const last = first.lastId!;
    first.close();
    await move(deal.id, stageIds[1]);
    await move(deal.id, stageIds[2]);
    const again = await stream(cookies.bob, { "Last-Event-ID": last });
    await again.until((r) => r.changes().length >= 2, "the two moves");
    await new Promise((r) => setTimeout(r, 300));
    expect(again.changes().map((e) => [e.data.id, e.data.stageId])).toEqual([
      [deal.id, stageIds[1]],
      [deal.id, stageIds[2]],
    ]);
  });

  it("gives the board one card and fresh totals for a live update, nothing of a card the user may not see", async () => {
    const secret = await create({ title: "HTTP board secret", stageId: stageIds[0], amount: "77.00", isPrivate: true });
    const pipelineId = (await call(app.url, "GET", `/api/v1/opportunities/${secret.id}`, { key: aliceKey })).body.pipelineId;
    const asAlice = await call(app.url, "GET", `/api/board/cards?pipelineId=${pipelineId}&ids=${secret.id}`, { cookie: cookies.alice });
    expect(asAlice.body.cards).toEqual([{ stageId: stageIds[0], card: expect.objectContaining({ id: secret.id, amount: "77.00" }) }]);
    expect(Object.keys(asAlice.body.totals)).toContain(stageIds[0]);
    const asBob = await call(app.url, "GET", `/api/board/cards?pipelineId=${pipelineId}&ids=${secret.id}`, { cookie: cookies.bob });
    expect(asBob.status).toBe(200);
    expect(asBob.body.cards).toEqual([]);
    const tooMany = await call(app.url, "GET", `/api/board/cards?pipelineId=${pipelineId}&ids=${Array.from({ length: 51 }, (_, i) => `x${i}`).join(",")}`, { cookie: cookies.bob });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields).toEqual({ ids: expect.any(String) });
  });
});
