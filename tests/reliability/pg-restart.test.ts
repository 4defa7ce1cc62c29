// PostgreSQL goes away under a write load and comes back: the app must answer
// 503 with the error shape at once while it is gone, report it on
// /api/health, heal by itself when it returns (no app restart), and keep
// every write it acknowledged, with no change half-written. Runs against a
// private PostgreSQL server of its own (the machine's shared one is never
// touched), through three outages: a crash (immediate stop), a clean
// shutdown (fast stop) and a frozen server (every process SIGSTOPped, so
// connections hang instead of failing: only the timeouts can end them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie, type JsonResponse } from "../support/http-client";
import { callServerAction } from "../support/server-actions";
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { INITIAL_AMOUNT, writeHistoryProblems } from "../support/write-history-check";

const unavailable = privatePostgresUnavailable();
// Short timeouts so that the frozen phase is quick; the defaults are 5 s and 30 s.
const CONNECT_TIMEOUT_MS = 1500;
const STATEMENT_TIMEOUT_MS = 2000;
/**
 * While the server is stopped its connections are refused, so a request fails
 * in milliseconds: the typical (median) 503 must come within TYPICAL_ANSWER_MS;
 * the slowest within STOPPED_ANSWER_MS, which leaves room for a CI machine
 * that is busy with other tests (nothing may wait on a timeout here).
 */
const TYPICAL_ANSWER_MS = 1000;
const STOPPED_ANSWER_MS = 5000;
/** While the server is frozen: at most a connect or read timeout (statement + 1 s grace), plus the machine's load. */
const FROZEN_ANSWER_MS = 8000;
const WRITERS = 4;

type Phase = "up" | "crashed" | "stopped" | "frozen" | "recovering";

interface Outcome {
  phase: Phase;
  what: string;
  status: number;
  ms: number;
  code?: string;
  retryAfter: string | null;
  requestIdMatches: boolean;
}

describe.skipIf(unavailable)("PostgreSQL restarts and freezes under load", () => {
  let server: PrivatePostgres;
  let app: AppServer;
  let key: string;
  let cookie: string;
  let openStages: string[];

  let phase: Phase = "up";
  let stop = false;
  const outcomes: Outcome[] = [];
  const created = new Set<string>();
  const ackedAmounts = new Map<string, Set<string>>();
  const ackedVersions = new Map<string, number>();
  let amountCounter = 0;

  /** Requests that got no HTTP answer at all (the connection closed under them), with why. */
  const transportErrors: string[] = [];

  async function timed(what: string, method: string, path: string, body?: unknown) {
    const started = phase;
    const t0 = performance.now();
    let res: JsonResponse;
    try {
      res = await call(app.url, method, path, { key, body });
    } catch (error) {
      // On an overloaded machine the client may reuse a keep-alive connection just as the server
      // closes it for idleness (the client's own 4 s timer fires late when its event loop is
      // starved); that request never reached the app. Seen once, as three at the same moment
      // at load average 19: counted, bounded below, and the app must have stayed up.
      transportErrors.push(`${started} ${what}: ${String((error as Error).cause ?? error)}`);
      return { status: 0, headers: new Headers(), body: null };
    }
    const ms = performance.now() - t0;
    outcomes.push({
      phase: started,
      what,
      status: res.status,
      ms,
      code: res.body?.error?.code,
      retryAfter: res.headers.get("retry-after"),
      requestIdMatches: res.status < 300 || res.body?.error?.requestId === res.headers.get("x-request-id"),
    });
    return res;
  }

  function ackVersion(id: string, version: number) {
    ackedVersions.set(id, Math.max(ackedVersions.get(id) ?? 0, version));
  }

  /** One writer owns its opportunities: creates one, then patches its amount and moves it, alternately. */
  async function writer(w: number) {
    let current: string | null = null;
    let step = 0;
    while (!stop) {
      step++;
      let ok = false;
      if (!current || step % 7 === 0) {
        const res = await timed("create", "POST", "/api/v1/opportunities", { title: `fault ${w}-${step}`, stageId: openStages[0], amount: INITIAL_AMOUNT });
        if (res.status === 201) {
          created.add(res.body.id);
          ackVersion(res.body.id, res.body.version);
          current = res.body.id;
          ok = true;
        }
      } else if (step % 2 === 0) {
        const amount = `${1000 + ++amountCounter}.00`;
        const res = await timed("patch", "PATCH", `/api/v1/opportunities/${current}`, { amount });
        if (res.status === 200) {
          if (!ackedAmounts.has(current)) ackedAmounts.set(current, new Set());
          ackedAmounts.get(current)!.add(amount);
          ackVersion(current, res.body.version);
          ok = true;
        }
      } else {
        // Read where it is (committed state), then move it to another open stage: every move changes the stage.
        const read = await timed("get", "GET", `/api/v1/opportunities/${current}`);
        if (read.status === 200) {
          const target = openStages.find((s) => s !== read.body.stageId)!;
          const res = await timed("move", "POST", `/api/v1/opportunities/${current}/move`, { stageId: target });
          if (res.status === 200) {
            ackVersion(current, res.body.version);
            ok = true;
          }
        }
      }
      if (!ok) await new Promise((r) => setTimeout(r, 50));
    }
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** Waits until a write succeeds again; returns how long the app took to heal once the server was back. */
  async function recovered(): Promise<number> {
    phase = "recovering";
    const t0 = performance.now();
    const before = outcomes.filter((o) => o.status < 300 && o.what !== "get").length;
    while (outcomes.filter((o) => o.status < 300 && o.what !== "get").length <= before) {
      if (performance.now() - t0 > 20_000) throw new Error("the app did not recover within 20 s of the database's return");
      await sleep(25);
    }
    phase = "up";
    return performance.now() - t0;
  }

  async function probeDuringOutage(label: Phase, limitMs: number) {
    const t0 = performance.now();
    const health = await call(app.url, "GET", "/api/health");
    const healthMs = performance.now() - t0;
    expect(health.status, `${label}: liveness stays 200`).toBe(200);
    expect(health.body, `${label}: health reports the database down`).toEqual({ status: "degraded", database: "down" });
    expect(healthMs, `${label}: health answers within its probe limit`).toBeLessThan(limitMs);

    const ready = await call(app.url, "GET", "/api/ready");
    expect(ready.status, `${label}: not ready`).toBe(503);
    expect(ready.body).toMatchObject({ ready: false, database: "down" });

    const p0 = performance.now();
    const page = await call(app.url, "GET", "/opportunities", { cookie });
    const pageMs = performance.now() - p0;
    expect(page.status, `${label}: a page answers 503`).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(String(page.body)).toContain("temporarily unavailable");
    expect(pageMs, `${label}: the page answers fast`).toBeLessThan(limitMs);

    // A server action is not refused by the proxy: it runs and returns the error to its form.
    const a0 = performance.now();
    const action = await callServerAction(app.url, "/settings/api-keys", "lib/actions/api-keys.ts#createApiKeyAction", [{ name: "during outage" }], { cookie });
    const payload = await action.text();
    expect(action.status, `${label}: the action answers`).toBe(200);
    expect(payload, `${label}: the action returns the error shape`).toMatch(/"ok":false,"error":\{"code":"UNAVAILABLE"/);
    expect(performance.now() - a0, `${label}: the action answers fast`).toBeLessThan(limitMs);
  }

  beforeAll(async () => {
    server = await startPrivatePostgres();
    app = await startAppServer(
      "postgres",
      {
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        API_RATE_LIMIT_PER_MINUTE: "1000000",
      },
      { databaseUrl: server.url },
    );
    cookie = await signInCookie(app.url, "alice@example.com");
    key = (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "fault" } })).body.secret;
    const board = await call(app.url, "GET", "/api/board", { cookie });
    openStages = (board.body.stages as { id: string; type: string }[]).filter((s) => s.type === "OPEN").slice(0, 3).map((s) => s.id);
    expect(openStages.length).toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    stop = true;
    try {
      server?.signalAll("SIGCONT");
      await app?.stop();
    } finally {
      server?.destroy();
    }
  });

  it("answers 503 fast while the database is gone, heals by itself and loses no acknowledged write", { timeout: 120_000 }, async () => {
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    const healing: Record<string, number> = {};
    try {
      await sleep(1500);

      phase = "crashed";
      await server.stop("immediate");
      await sleep(1500);
      await probeDuringOutage("crashed", STOPPED_ANSWER_MS);
      await server.start();
      healing.crash = await recovered();
      await sleep(1500);

      phase = "stopped";
      await server.stop("fast");
      await sleep(1500);
      await probeDuringOutage("stopped", STOPPED_ANSWER_MS);
      await server.start();
      healing.fast = await recovered();
      await sleep(1500);

      phase = "frozen";
      server.signalAll("SIGSTOP");
      await sleep(Math.max(CONNECT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS) + 2000);
      await probeDuringOutage("frozen", FROZEN_ANSWER_MS);
      server.signalAll("SIGCONT");
      healing.freeze = await recovered();
      await sleep(1500);
    } finally {
      stop = true;
      server.signalAll("SIGCONT");
      await Promise.all(writers);
    }

    // The app process never died: it is the same process, and it answers.
    expect(() => process.kill(app.pid, 0), "the app server process is gone").not.toThrow();
    expect((await call(app.url, "GET", "/api/health")).body).toEqual({ status: "ok", database: "up" });
    expect(transportErrors.length, `requests without an answer: ${transportErrors.join("; ")}\n${app.output().slice(-3000)}`).toBeLessThanOrEqual(5);

    // Every answer was a success or a 503 in the error shape with Retry-After: never a 500, never a hang.
    const failures = outcomes.filter((o) => o.status >= 300);
    const wrong = failures.filter((o) => o.status !== 503 || o.code !== "UNAVAILABLE" || o.retryAfter !== "5" || !o.requestIdMatches);
    expect(wrong.slice(0, 5), "failures other than 503 UNAVAILABLE with Retry-After and the request id").toEqual([]);
    const times = (p: Phase) => failures.filter((o) => o.phase === p).map((o) => o.ms).sort((a, b) => a - b);
    const slowest = (p: Phase) => times(p).at(-1) ?? 0;
    const median = (p: Phase) => times(p)[Math.floor(times(p).length / 2)] ?? 0;
    const describeSlowest = (p: Phase) => JSON.stringify(failures.filter((o) => o.phase === p).sort((a, b) => b.ms - a.ms).slice(0, 3));
    expect(median("crashed"), "typical 503 while crashed").toBeLessThan(TYPICAL_ANSWER_MS);
    expect(median("stopped"), "typical 503 while stopped").toBeLessThan(TYPICAL_ANSWER_MS);
    expect(slowest("crashed"), `503s while crashed: ${describeSlowest("crashed")}`).toBeLessThan(STOPPED_ANSWER_MS);
    expect(slowest("stopped"), `503s while stopped: ${describeSlowest("stopped")}`).toBeLessThan(STOPPED_ANSWER_MS);
    expect(slowest("frozen"), `503s while frozen: ${describeSlowest("frozen")}`).toBeLessThan(FROZEN_ANSWER_MS);
    for (const p of ["crashed", "stopped", "frozen"] as const) {
      expect(failures.filter((o) => o.phase === p).length, `the writers saw the ${p} outage`).toBeGreaterThan(0);
    }
    expect(created.size).toBeGreaterThan(WRITERS);

    // Behind the app's back: what the database holds.
    const problems = await writeHistoryProblems(server.url, { created, amounts: ackedAmounts, versions: ackedVersions });
    expect(problems).toEqual([]);

    const count = (p: Phase) => failures.filter((o) => o.phase === p).length;
    console.info(
      `pg-restart: ${outcomes.length} requests, ${created.size} opportunities, ${outcomes.filter((o) => o.status < 300).length} succeeded; ` +
        `503s crashed/stopped/frozen ${count("crashed")}/${count("stopped")}/${count("frozen")}, ` +
        `median ${Math.round(median("crashed"))}/${Math.round(median("stopped"))}/${Math.round(median("frozen"))} ms, ` +
        `slowest ${Math.round(slowest("crashed"))}/${Math.round(slowest("stopped"))}/${Math.round(slowest("frozen"))} ms; ` +
        `healed after crash ${Math.round(healing.crash)} ms, fast stop ${Math.round(healing.fast)} ms, freeze ${Math.round(healing.freeze)} ms; ` +
        `requests without an answer: ${transportErrors.length ? transportErrors.join("; ") : "none"}`,
    );
  });
});
