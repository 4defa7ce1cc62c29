// Contract tests of what every /api/v1 endpoint shares: authentication, the
// error shape, body limits, strict validation, paging, idempotency, rate
// limits, request ids, and the OpenAPI document. Run over HTTP against the
// production build on each database.
import { Validator } from "@seriousme/openapi-schema-validator";
import net from "node:net";
import { once } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

const RATE_LIMIT = 40;

describe.each(availableKinds())("API infrastructure on %s", (kind) => {
  let app: AppServer;
  let aliceCookie: string;
  let aliceKey: string;
  let bobKey: string;
  const origin = () => ({ Origin: app.url });
  /** A key of alice's own for a test that makes many calls: the per-key limit here is only RATE_LIMIT a minute. */
  const freshKey = async (name: string) => (await call(app.url, "POST", "/api/v1/api-keys", { cookie: aliceCookie, headers: origin(), body: { name } })).body.secret as string;

  beforeAll(async () => {
    app = await startAppServer(kind, { API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
    aliceCookie = await signInCookie(app.url, "alice@example.com");
    const created = await call(app.url, "POST", "/api/v1/api-keys", { cookie: aliceCookie, headers: origin(), body: { name: "tests" } });
    expect(created.status).toBe(201);
    aliceKey = created.body.secret;
    const bobCookie = await signInCookie(app.url, "bob@example.com");
    bobKey = (await call(app.url, "POST", "/api/v1/api-keys", { cookie: bobCookie, headers: origin(), body: { name: "bob" } })).body.secret;
  });
  afterAll(() => app?.stop());

  describe("authentication", () => {
    it("answers 401 in the error shape without credentials, with a malformed header and with an unknown key", async () => {
      const attempts: Record<string, string>[] = [{}, { Authorization: "Basic abc" }, { Authorization: "Bearer pcrm_AAAAAAAA_" + "A".repeat(32) }];
      for (const headers of attempts) {
        const res = await call(app.url, "GET", "/api/v1/users", { headers });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String), requestId: res.headers.get("x-request-id") } });
      }
    });

    it("accepts a key, shows it once at creation and never again, and stops it at once when revoked", async () => {
      const cookie = await signInCookie(app.url, "manager@example.com");
      const created = await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: origin(), body: { name: "temporary" } });
      expect(created.headers.get("location")).toBe(`/api/v1/api-keys/${created.body.key.id}`);
      const secret: string = created.body.secret;
      expect(secret).toMatch(/^pcrm_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$/);
      expect((await call(app.url, "GET", "/api/v1/users", { key: secret })).status).toBe(200);
      const listed = await call(app.url, "GET", "/api/v1/api-keys", { key: secret });
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      expect(listed.body.data[0]).toMatchObject({ name: "temporary", prefix: secret.slice(0, 13), lastUsedAt: expect.any(String) });
      const revoked = await call(app.url, "DELETE", `/api/v1/api-keys/${created.body.key.id}`, { key: secret });
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      expect((await call(app.url, "GET", "/api/v1/users", { key: secret })).status).toBe(401);
    });

    it("does not let bob see or revoke alice's keys, nor list everyone's", async () => {
      const mine = await call(app.url, "GET", "/api/v1/api-keys", { key: aliceKey });
      const id = mine.body.data[0].id;
      expect((await call(app.url, "DELETE", `/api/v1/api-keys/${id}`, { key: bobKey })).status).toBe(404);
      expect((await call(app.url, "GET", "/api/v1/api-keys?scope=all", { key: bobKey })).status).toBe(403);
      const bobs = await call(app.url, "GET", "/api/v1/api-keys", { key: bobKey });
      expect(bobs.body.data.every((k: { user: { email: string } }) => k.user.email === "bob@example.com")).toBe(true);
    });

    it.runIf(kind === "postgres")("stops a deactivated user's keys and session at once, and lets them back when reactivated", async () => {
      const db = new pg.Client({ connectionString: app.databaseUrl });
      await db.connect();
      try {
        const cookie = await signInCookie(app.url, "bob@example.com");
        expect((await call(app.url, "GET", "/api/v1/users", { key: bobKey })).status).toBe(200);
        await db.query(`UPDATE "User" SET active = false WHERE email = 'bob@example.com'`);
        expect((await call(app.url, "GET", "/api/v1/users", { key: bobKey })).status).toBe(401);
        expect((await call(app.url, "GET", "/api/v1/users", { cookie })).status).toBe(401);
        await db.query(`UPDATE "User" SET active = true WHERE email = 'bob@example.com'`);
        expect((await call(app.url, "GET", "/api/v1/users", { key: bobKey })).status).toBe(200);
      } finally {
        await db.query(`UPDATE "User" SET active = true WHERE email = 'bob@example.com'`);
        await db.end();
      }
    });

    it("refuses a cookie-authenticated write from another origin", async () => {
      const res = await call(app.url, "POST", "/api/v1/api-keys", { cookie: aliceCookie, headers: { Origin: "https://evil.example" }, body: { name: "x" } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    });
  });

  describe("request bodies", () => {
    it("answers 400 for malformed JSON, a wrong content type and a body over 1 MB", async () => {
      const malformed = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, rawBody: '{"name": "x",' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({ code: "BAD_REQUEST", message: "The request body is not valid JSON" });
      const text = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, rawBody: "name=x", headers: { "Content-Type": "text/plain" } });
      expect(text.status).toBe(400);
      const huge = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, body: { name: "x".repeat(1024 * 1024 + 10) } });
      expect(huge.status).toBe(400);
      expect(huge.body.error.message).toMatch(/1 MB/);
    });

    it("answers 422 naming every bad and every unknown field", async () => {
      const res = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, body: { name: "", userId: "someone-else", id: "x" } });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("VALIDATION");
      expect(res.body.error.fields).toEqual({ name: "Give the key a name", userId: "Unknown field", id: "Unknown field" });
      const wrongType = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, body: { name: 42 } });
      expect(Object.keys(wrongType.body.error.fields)).toEqual(["name"]);
      const notObject = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, body: [1, 2] });
      expect(notObject.status).toBe(422);
    });
  });

  describe("lists", () => {
    it("pages by offset and by cursor, covering the set exactly once", async () => {
      const all = await call(app.url, "GET", "/api/v1/users?limit=100", { key: aliceKey });
      expect(all.body.total).toBe(4);
      const byOffset: string[] = [];
      for (let offset = 0; offset < 4; offset += 3) {
        const page = await call(app.url, "GET", `/api/v1/users?limit=3&offset=${offset}`, { key: aliceKey });
        byOffset.push(...page.body.data.map((u: { id: string }) => u.id));
      }
      const byCursor: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: { id: string }[]; nextCursor: string | null; hasMore: boolean } } = await call(
          app.url,
          "GET",
          `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
          { key: aliceKey },
        );
        byCursor.push(...page.body.data.map((u) => u.id));
        expect(page.body.hasMore).toBe(page.body.nextCursor !== null);
        cursor = page.body.nextCursor;
      } while (cursor);
      const ids = all.body.data.map((u: { id: string }) => u.id);
      expect(byOffset).toEqual(ids);
      expect(byCursor).toEqual(ids);
    });

    it("refuses a page size over 100, a bad cursor and unknown filters by name", async () => {
      const big = await call(app.url, "GET", "/api/v1/users?limit=101", { key: aliceKey });
      expect(big.status).toBe(422);
      expect(big.body.error.fields).toEqual({ limit: "At most 100" });
      expect((await call(app.url, "GET", "/api/v1/users?cursor=garbage", { key: aliceKey })).body.error.fields).toHaveProperty("cursor");
      expect((await call(app.url, "GET", "/api/v1/users?colour=red", { key: aliceKey })).body.error.fields).toEqual({ colour: "Unknown field" });
    });

    it("accepts integer query parameters in decimal digits only", async () => {
      const aliceKey = await freshKey("integers");
      expect((await call(app.url, "GET", "/api/v1/users?limit=2&offset=1", { key: aliceKey })).body.data).toHaveLength(2);
      for (const value of ["0x10", "1e1", "+5", " 5", "5 ", "16.0", "", "0b11", "Infinity", "-0"]) {
        for (const name of ["limit", "offset"]) {
          const res = await call(app.url, "GET", `/api/v1/users?${name}=${encodeURIComponent(value)}`, { key: aliceKey });
          expect({ value, name, status: res.status, fields: Object.keys(res.body.error?.fields ?? {}) }).toEqual({ value, name, status: 422, fields: [name] });
        }
      }
    });

    it("never exposes password hashes", async () => {
      const res = await call(app.url, "GET", "/api/v1/users", { key: aliceKey });
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
      expect(Object.keys(res.body.data[0]).sort()).toEqual(["active", "email", "id", "name", "role"]);
    });
  });

  describe("idempotency", () => {
    it("returns the first result for the same key and body, and refuses the key with another body", async () => {
      const headers = { "Idempotency-Key": `test-${kind}-${Date.now()}` };
      const first = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, headers, body: { name: "once" } });
      const again = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, headers, body: { name: "once" } });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      const keys = await call(app.url, "GET", "/api/v1/api-keys", { key: aliceKey });
      expect(keys.body.data.filter((k: { name: string }) => k.name === "once")).toHaveLength(1);
      const other = await call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, headers, body: { name: "twice" } });
      expect(other.status).toBe(422);
      expect(other.body.error.fields).toHaveProperty("Idempotency-Key");
    });

    it("replays the first answer's Location and ETag with its status and body", async () => {
      const aliceKey = await freshKey("replays");
      const headers = { "Idempotency-Key": `headers-${kind}-${Date.now()}` };
      const board = await call(app.url, "GET", "/api/board", { cookie: aliceCookie });
      const body = { title: "Replayed with its headers", stageId: board.body.stages[0].id };
      const first = await call(app.url, "POST", "/api/v1/opportunities", { key: aliceKey, headers, body });
      expect(first.status).toBe(201);
      expect(first.headers.get("location")).toBe(`/api/v1/opportunities/${first.body.id}`);
      expect(first.headers.get("etag")).toBe('"1"');
      // The deal moves on meanwhile: the replay is still the first answer, headers included.
      await call(app.url, "PATCH", `/api/v1/opportunities/${first.body.id}`, { key: aliceKey, body: { title: "Changed since" } });
      const again = await call(app.url, "POST", "/api/v1/opportunities", { key: aliceKey, headers, body });
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect({ status: again.status, location: again.headers.get("location"), etag: again.headers.get("etag"), body: again.body }).toEqual({
        status: 201, location: first.headers.get("location"), etag: '"1"', body: first.body,
      });
      expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    });

    it("lets concurrent retries with one key create exactly once", async () => {
      const headers = { "Idempotency-Key": `race-${kind}-${Date.now()}` };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => call(app.url, "POST", "/api/v1/api-keys", { key: aliceKey, headers, body: { name: "race" } })),
      );
      expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      const keys = await call(app.url, "GET", "/api/v1/api-keys", { key: aliceKey });
      expect(keys.body.data.filter((k: { name: string }) => k.name === "race")).toHaveLength(1);
    });
  });

  it("rate-limits per key with 429 and Retry-After, without touching other keys", async () => {
    const cookie = await signInCookie(app.url, "admin@example.com");
    const key = (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: origin(), body: { name: "burst" } })).body.secret;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call<{ error: { code: string } }>>> | undefined;
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const res = await call(app.url, "GET", "/api/v1/users?limit=1", { key });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    // A minute boundary may reset the window once during the burst.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited!.body.error.code).toBe("RATE_LIMITED");
    expect((await call(app.url, "GET", "/api/v1/users?limit=1", { key: bobKey })).status).toBe(200);
  });

  it("echoes a well-formed X-Request-Id and makes one up otherwise", async () => {
    const mine = await call(app.url, "GET", "/api/v1/users", { key: aliceKey, headers: { "X-Request-Id": "trace-1234-abcd" } });
    expect(mine.headers.get("x-request-id")).toBe("trace-1234-abcd");
    const made = await call(app.url, "GET", "/api/v1/users", { key: aliceKey, headers: { "X-Request-Id": "<script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves a valid OpenAPI 3.1 document without credentials, and every documented path answers", async () => {
    const res = await call(app.url, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.body.openapi).toBe("3.1.0");
    for (const [path, operations] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) {
        const concrete = path.replace(/\{[^}]+\}/g, "does-not-exist");
        const answer = await call(app.url, method.toUpperCase(), `/api/v1${concrete}`, { key: aliceKey, body: method === "get" || method === "delete" ? undefined : {} });
        // Next.js's own 404/405 has no request id; the catch-all's 404 says no endpoint serves the path.
        const unserved = ([404, 405].includes(answer.status) && answer.headers.get("x-request-id") === null) || String(answer.body?.error?.message).startsWith("No endpoint");
        expect(unserved, `${method} ${path} is not served`).toBe(false);
        expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
  });

  it("answers a path no endpoint serves with a JSON 404 in the error shape, for every method, after authentication", async () => {
    const aliceKey = await freshKey("unknown paths");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      for (const path of ["/api/v1/nope", "/api/v1/opportunities/x/nope/deeper", "/api/v1/users/x/y"]) {
        const res = await call(app.url, method, path, { key: aliceKey, body: method === "GET" || method === "DELETE" ? undefined : {} });
        expect({ method, path, status: res.status, type: res.headers.get("content-type") }).toEqual({ method, path, status: 404, type: "application/json; charset=utf-8" });
        expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("/api/v1/openapi.json"), requestId: res.headers.get("x-request-id") } });
        const anonymous = await call(app.url, method, path);
        expect({ method, path, status: anonymous.status, code: anonymous.body.error.code }).toEqual({ method, path, status: 401, code: "UNAUTHENTICATED" });
      }
    }
  });

  it("reports readiness with the database up and migrations applied", async () => {
    const res = await call(app.url, "GET", "/api/ready");
    expect(res.body).toEqual({ ready: true, instance: expect.any(String), database: "up", migrations: "applied" });
  });

  it("answers the constant liveness probe without a session or key", async () => {
    const res = await call(app.url, "GET", "/api/live");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("keeps an idle keep-alive connection open longer than clients and proxies do (no answer lost to the close race)", async () => {
    // Node closes idle connections after 5 s; a request written on one at that instant got no answer (the long fuzz, once).
    const { port, hostname } = new URL(app.url);
    const socket = net.connect(Number(port), hostname);
    await once(socket, "connect");
    let received = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const closed = once(socket, "close").then(() => true);
    const answered = async (n: number) => {
      while ((received.match(/HTTP\/1\.1 200/g) ?? []).length < n) await new Promise((r) => setTimeout(r, 20));
    };
    const request = "GET /api/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
    socket.write(request);
    await answered(1);
    const hint = /keep-alive: timeout=(\d+)/i;
    expect(received).toMatch(hint);
    expect(Number(hint.exec(received)![1])).toBeGreaterThanOrEqual(60);
    // Longer than Node's default, well short of the configured 65 s.
    const closedWhileIdle = await Promise.race([closed, new Promise<boolean>((r) => setTimeout(() => r(false), 6_500))]);
    expect(closedWhileIdle).toBe(false);
    socket.write(request);
    await answered(2);
    socket.destroy();
  }, 30_000);
});
