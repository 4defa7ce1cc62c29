// Runs the fuzz against a live app server: fast-check draws `runs` calls from
// every target (seeded, so a run can be replayed), each is sent over HTTP and
// judged; failures are grouped by target and problem so one bug reads as one line.
import fc from "fast-check";
import { ALL_ENDPOINTS } from "@/lib/api/endpoints";
import { ACTIONS } from "../../security/access-table";
import { appRouteHandlers } from "../app-routes";
import type { AppServer } from "../app-server";
import type { DemoWorld } from "../demo-world";
import { builtServerActions, callAction } from "../server-actions";
import { judgeAction, judgeRoute, VersionWatch } from "./judge";
import { fuzzPools } from "./pools";
import { createCall, listCall, nextState, sequenceCalls, stepCall, type SequenceCall, type SequenceState } from "./sequences";
import { actionCalls, endpointCalls, routeHandlerCalls, type CallerName, type FuzzCall, type RouteCall } from "./targets";

export interface FuzzFailure {
  target: string;
  problem: string;
  count: number;
  /** The first call that showed it, ready to replay by hand. */
  example: string;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  failures: FuzzFailure[];
  statuses: Record<string, number>;
  targets: number;
  /** The slowest targets by total time, to keep the bounded run bounded. */
  slowest: string[];
}

/** A call slower than this is reported as it happens; one that never answers fails after CALL_TIMEOUT_MS. */
const SLOW_CALL_MS = 3000;
const CALL_TIMEOUT_MS = 30_000;
/** How many single targets one sequence weighs (see sequences.ts). */
const SEQUENCE_WEIGHT = 4;

/** Route handlers the fuzz leaves alone, with why. */
const NOT_FUZZED: Record<string, string> = {
  "GET /api/auth/{nextauth}": "Auth.js's own protocol (redirects, HTML pages), not our API",
  "POST /api/auth/{nextauth}": "Auth.js's own protocol; sign-in throttling would lock the demo users out",
  "GET /api/health": "no input",
  "GET /api/ready": "no input",
  "GET /api/live": "no input, a constant answer",
  "GET /api/stream": "a stream that stays open (each call would wait for the timeout); its inputs, Last-Event-ID and after, are checked in tests/integration/live-stream.test.ts",
};

function credentials(world: DemoWorld, caller: CallerName, origin: string): Record<string, string> {
  const [user, how] = caller.split("-") as [keyof DemoWorld["keys"] | "anonymous" | "bad", string | undefined];
  if (user === "anonymous") return {};
  if (user === "bad") return { Authorization: "Bearer pcrm_AAAAAAAA_" + "B".repeat(32) };
  return how === "key" ? { Authorization: `Bearer ${world.keys[user]}` } : { Cookie: world.cookies[user], Origin: origin };
}

const shorten = (s: string | undefined, n = 400) => (s === undefined ? "" : s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function describeCall(call: FuzzCall | SequenceCall): string {
  if (call.kind === "sequence") return `${call.target} as ${call.caller}: ${shorten(JSON.stringify({ deal: call.deal, steps: call.steps }), 1500)}`;
  if (call.kind === "route") return `${call.method} ${shorten(call.path, 300)} as ${call.caller} [${call.mutation}] headers=${JSON.stringify(call.headers)} body=${shorten(call.body)}`;
  return `action ${call.target} as ${call.caller} [${call.mutation}] input=${shorten(call.rawBody ?? JSON.stringify(call.input))}`;
}

/** Ids, numbers and long tails vary between occurrences of one bug. */
const signature = (problem: string) => problem.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, "<id>").replace(/\d+/g, "N").slice(0, 160);

export async function runFuzz(app: AppServer, world: DemoWorld, options: { seed: number; runs: number; spareUserIds: string[] }): Promise<FuzzReport> {
  const pools = fuzzPools(world, options.spareUserIds);
  const served = new Set(ALL_ENDPOINTS.map((ep) => `${ep.method.toUpperCase()} /api/v1${ep.path}`));
  const handlers = appRouteHandlers().filter((h) => !served.has(h.key) && !NOT_FUZZED[h.key]);
  const actions = builtServerActions().filter((a) => ACTIONS[a.key] && !ACTIONS[a.key].public);
  const targets: fc.Arbitrary<FuzzCall>[] = [
    ...ALL_ENDPOINTS.map((ep) => endpointCalls(ep, pools)),
    ...handlers.map((h) => routeHandlerCalls(h, pools)),
    ...actions.map((a) => actionCalls(a, ACTIONS[a.key].schema, pools)),
  ];
  // Sequences weigh as much as a few targets: each is several calls, and they are where totals build up.
  const weighted = [...targets.map((arbitrary) => ({ weight: 1, arbitrary: arbitrary as fc.Arbitrary<FuzzCall | SequenceCall> })), { weight: SEQUENCE_WEIGHT, arbitrary: sequenceCalls }];
  const openStageId = world.stages.find((s) => s.pipelineId === world.defaultPipelineId && s.type === "OPEN")!.id;
  const versions = new VersionWatch();
  for (const o of world.opportunities) versions.seed(o.id, o.version);
  const failures = new Map<string, FuzzFailure>();
  const statuses: Record<string, number> = {};
  const time = new Map<string, { ms: number; n: number }>();

  const record = (call: FuzzCall | SequenceCall, problem: string | null, status: string, within?: SequenceCall) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (!problem) return;
    const key = `${call.target} ${signature(problem)}`;
    const known = failures.get(key);
    const example = within ? `${describeCall(call)}\n    in ${describeCall(within)}` : describeCall(call);
    if (known) known.count++;
    else failures.set(key, { target: call.target, problem, count: 1, example });
  };

  const sendRoute = async (call: RouteCall) => {
    const res = await fetch(app.url + call.path, {
      method: call.method,
      redirect: "manual",
      headers: { ...call.headers, ...credentials(world, call.caller, app.url) },
      body: call.body,
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  /** One step of a sequence: sent, judged and recorded like any call; its answer's body when it succeeded. */
  const sequenceStep = async (call: RouteCall, seq: SequenceCall): Promise<unknown> => {
    const answer = await sendRoute(call);
    record(call, judgeRoute(call, answer, versions), String(answer.status), seq);
    return answer.status < 300 ? JSON.parse(answer.text) : undefined;
  };

  const runSequence = async (seq: SequenceCall) => {
    const deal = (await sequenceStep(createCall(seq, openStageId), seq)) as { id: string } | undefined;
    if (!deal) return;
    let state: SequenceState = { dealId: deal.id, lineIds: [] };
    if (seq.deal.lineItems.length) {
      const call = listCall(seq, state);
      state = nextState(call, await sequenceStep(call, seq), state);
    }
    for (let i = 0; i < seq.steps.length; i++) {
      const call = stepCall(seq, i, state);
      if (!call) continue;
      const body = await sequenceStep(call, seq);
      if (body !== undefined) state = nextState(call, body, state);
    }
  };

  await fc.assert(
    fc.asyncProperty(fc.oneof(...weighted), async (call) => {
      const started = performance.now();
      try {
        if (call.kind === "sequence") {
          await runSequence(call);
        } else if (call.kind === "route") {
          const answer = await sendRoute(call);
          record(call, judgeRoute(call, answer, versions), String(answer.status));
        } else {
          const cookie = credentials(world, call.caller, app.url).Cookie;
          const res = await callAction(app.url, call.action, call.input, { cookie, rawBody: call.rawBody, origin: call.origin });
          const outcome = res.result ? (res.result.ok ? "action ok" : `action ${res.result.error?.code}`) : `action HTTP ${res.status}`;
          record(call, judgeAction(call, res, versions), outcome);
        }
      } catch (error) {
        record(call, `the request failed: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ""}`, "no answer");
      }
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) console.warn(`[fuzz] slow call, ${Math.round(ms)} ms: ${describeCall(call).slice(0, 300)}`);
      const t = time.get(call.target) ?? { ms: 0, n: 0 };
      time.set(call.target, { ms: t.ms + ms, n: t.n + 1 });
    }),
    { seed: options.seed, numRuns: options.runs, endOnFailure: true },
  );
  const slowest = [...time.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5).map(([target, t]) => `${target}: ${Math.round(t.ms)} ms over ${t.n} calls`);
  return { seed: options.seed, runs: options.runs, failures: [...failures.values()], statuses, targets: targets.length + 1, slowest };
}

export function formatFailures(report: FuzzReport): string {
  return report.failures.map((f) => `${f.target}: ${f.problem} (x${f.count})\n    e.g. ${f.example}`).join("\n");
}
