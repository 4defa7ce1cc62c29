// Every request leaves one structured JSON log line with its request id, user
// id, method, path, status and duration: pages and server actions as well as
// the API. Read from the started server's own output, as an operator would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { callServerAction } from "../support/server-actions";

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  userId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  kind?: string;
  action?: string;
  outcome?: string;
}

const ACTION = "lib/actions/api-keys.ts#createApiKeyAction";

describe("request logs", () => {
  let app: AppServer;
  let cookie: string;
  let aliceId: string;

  const lines = (): LogLine[] =>
    app
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);

  /** Log lines are written when the response has finished; give the server a moment. */
  async function lineFor(predicate: (l: LogLine) => boolean): Promise<LogLine> {
    for (let i = 0; i < 40; i++) {
      const found = lines().find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching log line in:\n${lines().map((l) => JSON.stringify(l)).join("\n").slice(-3000)}`);
  }

  const callAction = (args: unknown[], requestId: string) =>
    callServerAction(app.url, "/settings/api-keys", ACTION, args, { cookie, headers: { "X-Request-Id": requestId } });

  beforeAll(async () => {
    app = await startAppServer("pglite", { LOG_LEVEL: "info" });
    cookie = await signInCookie(app.url, "alice@example.com");
    const me = await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url, "X-Request-Id": "trace-api-0001" }, body: { name: "logs" } });
    expect(me.status).toBe(201);
    aliceId = (await lineFor((l) => l.requestId === "trace-api-0001")).userId!;
    expect(aliceId).toMatch(/^[0-9a-f-]{36}$/);
  });
  afterAll(() => app?.stop());

  it("logs an API request with its user, status and duration", async () => {
    const line = await lineFor((l) => l.requestId === "trace-api-0001");
    expect(line).toMatchObject({ msg: "api request", method: "POST", path: "/api/v1/api-keys", status: 201, userId: aliceId });
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it("logs a page request under the request id the response carries", async () => {
    const res = await fetch(`${app.url}/opportunities`, { headers: { Cookie: cookie, "X-Request-Id": "trace-page-0001" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("trace-page-0001");
    await res.text();
    const line = await lineFor((l) => l.requestId === "trace-page-0001");
    expect(line).toMatchObject({ msg: "page request", kind: "page", method: "GET", path: "/opportunities", status: 200, userId: aliceId });
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it("gives a page request an id when the caller sent none, and logs anonymous visitors without a user", async () => {
    const res = await fetch(`${app.url}/opportunities`, { redirect: "manual" });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await res.text();
    const line = await lineFor((l) => l.requestId === id);
    expect(line).toMatchObject({ kind: "page", path: "/opportunities", status: res.status });
    expect([303, 307, 308]).toContain(res.status);
    expect(line.userId).toBeUndefined();
  });

  it("logs a server action twice: the HTTP request and the action's outcome, under one request id", async () => {
    const ok = await callAction([{ name: "from an action" }], "trace-action-ok1");
    expect(ok.status).toBe(200);
    await ok.text();
    const http = await lineFor((l) => l.requestId === "trace-action-ok1" && l.msg === "action request");
    expect(http).toMatchObject({ kind: "action", action: ACTION, method: "POST", path: "/settings/api-keys", status: 200, userId: aliceId });
    const action = await lineFor((l) => l.requestId === "trace-action-ok1" && l.msg === "server action");
    expect(action).toMatchObject({ action: ACTION, userId: aliceId, outcome: "ok" });
    expect(action.durationMs).toEqual(expect.any(Number));

    const bad = await callAction([{ name: "" }], "trace-action-bad1");
    await bad.text();
    const refused = await lineFor((l) => l.requestId === "trace-action-bad1" && l.msg === "server action");
    expect(refused).toMatchObject({ action: ACTION, userId: aliceId, outcome: "VALIDATION" });
  });

  it("logs a server action refused at the edge (another origin, an undecodable body) once, as a warning and not an error", async () => {
    const errorsBefore = lines().filter((l) => l.level >= 50).length;
    const crossSite = await callServerAction(app.url, "/settings/api-keys", ACTION, [{ name: "x" }], { cookie, headers: { "X-Request-Id": "trace-edge-0001", Origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "FORBIDDEN", requestId: "trace-edge-0001" } });
    const garbled = await fetch(`${app.url}/settings/api-keys`, {
      method: "POST",
      headers: { "Next-Action": "0".repeat(42), Cookie: cookie, Origin: app.url, "X-Request-Id": "trace-edge-0002", "Content-Type": "text/plain" },
      body: "[".repeat(50_000) + "]".repeat(50_000),
    });
    expect(garbled.status).toBe(400);
    await garbled.text();
    for (const [id, status] of [["trace-edge-0001", 403], ["trace-edge-0002", 400]] as const) {
      const warning = await lineFor((l) => l.requestId === id && l.msg === "request refused at the edge");
      expect(warning).toMatchObject({ level: 40, status, method: "POST", path: "/settings/api-keys" });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(lines().filter((l) => l.level >= 50).slice(errorsBefore)).toEqual([]);
  });

  it("reports liveness with the database's state, and readiness", async () => {
    const health = await call(app.url, "GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok", database: "up" });
    expect((await call(app.url, "GET", "/api/ready")).body).toEqual({ ready: true, instance: expect.any(String), database: "up", migrations: "applied" });
  });

  it("writes only JSON lines and never a password or a session token", async () => {
    await signInCookie(app.url, "bob@example.com");
    const output = app.output();
    expect(output).not.toContain("demo-pass-2026");
    expect(output).not.toMatch(/authjs\.session-token=/);
    const logLines = output.split("\n").filter((l) => l.trim().startsWith("{"));
    expect(logLines.length).toBeGreaterThan(5);
    for (const l of logLines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
