// The embedded default must not lose acknowledged writes when the server is
// killed outright (SIGKILL: no shutdown code runs), and must open cleanly
// afterwards. Bounded here; scripts/soak can run it longer.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";

const CYCLES = Number(process.env.DURABILITY_CYCLES ?? 3);

describe("embedded database under SIGKILL", () => {
  let app: AppServer | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    await app?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${CYCLES} kills at random moments`, { timeout: 300_000 }, async () => {
    app = await startAppServer("pglite");
    dataDir = app.dataDir;
    const cookie = await signInCookie(app.url, "alice@example.com");
    const key = (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "writer" } })).body.secret as string;
    const acknowledged = new Set<string>();
    let n = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const server = app;
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const name = `write-${cycle}-${n++}`;
          try {
            const res = await call(server.url, "POST", "/api/v1/api-keys", { key, body: { name } });
            if (res.status === 201) acknowledged.add(name);
          } catch {
            return; // the server died mid-request: that write was never acknowledged
          }
        }
      };
      const writers = [writer(), writer(), writer()];
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 1200));
      await server.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);

      app = await startAppServer("pglite", {}, { dataDir });
      const ready = await call(app.url, "GET", "/api/ready");
      expect(ready.body).toEqual({ ready: true, database: "up", migrations: "applied", instance: expect.any(String) });
      const stored = await call(app.url, "GET", "/api/v1/api-keys", { key });
      expect(stored.status).toBe(200);
      const names = new Set((stored.body.data as { name: string }[]).map((k) => k.name));
      const lost = [...acknowledged].filter((name) => !names.has(name));
      expect(lost, `cycle ${cycle}: acknowledged writes missing after SIGKILL`).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThan(CYCLES * 5);
  });

  it("finishes in-flight requests and closes the database on SIGTERM", { timeout: 120_000 }, async () => {
    const server = app!;
    const cookie = await signInCookie(server.url, "bob@example.com");
    // Settled at once, so that a connection refused after the signal is not an unhandled rejection.
    const inFlight = Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        call(server.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: server.url }, body: { name: `last-${i}` } }),
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    const code = await server.kill("SIGTERM");
    const results = await inFlight;
    expect(code).toBe(143);
    // Whatever was answered was answered fully; nothing was cut off with a 5xx.
    for (const r of results) if (r.status === "fulfilled") expect(r.value.status).toBe(201);
    expect(fs.existsSync(`${dataDir}/owner.pid`)).toBe(false);
    app = await startAppServer("pglite", {}, { dataDir });
    const bobs = await call(app.url, "GET", "/api/v1/api-keys", { cookie: await signInCookie(app.url, "bob@example.com") });
    const answered = results.filter((r) => r.status === "fulfilled").length;
    expect(bobs.body.data.filter((k: { name: string }) => k.name.startsWith("last-")).length).toBeGreaterThanOrEqual(answered);
  });
});
