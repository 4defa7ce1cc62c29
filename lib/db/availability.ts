// What the app last learned about reaching PostgreSQL: a small circuit
// breaker. The connection pool reports each lost or refused connection and
// each successful round trip. While the database is down, page requests are
// answered with 503 by the proxy without rendering (a page that fails halfway
// can only answer 500); at most once per PROBE_INTERVAL_MS one request runs a
// probe query, and the first one that succeeds closes the breaker. Kept on
// globalThis because the proxy and the route bundles are separate module
// graphs in one process; deliberately per process (each instance learns for
// itself: nothing here needs sharing).
export const PROBE_INTERVAL_MS = 1000;

interface AvailabilityState {
  down: boolean;
  lastProbe: number;
  probing: Promise<boolean> | null;
  probe: (() => Promise<unknown>) | null;
}

const globalRef = globalThis as unknown as { __pipelineDbAvailability?: AvailabilityState };

function state(): AvailabilityState {
  globalRef.__pipelineDbAvailability ??= { down: false, lastProbe: 0, probing: null, probe: null };
  return globalRef.__pipelineDbAvailability;
}

/** The pool registers how to ask the database whether it answers. */
export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  state().probe = probe;
}

export function reportDatabaseFailure(now = Date.now()): void {
  const s = state();
  if (!s.down) {
    s.down = true;
    s.lastProbe = now; // the failure itself was the latest probe
  }
}

export function reportDatabaseSuccess(): void {
  state().down = false;
}

/** True while the database answers as far as this process knows; while it is down, probes it at most once per interval. */
export function databaseAvailable(now = Date.now()): Promise<boolean> | boolean {
  const s = state();
  if (!s.down) return true;
  if (s.probing) return s.probing;
  if (!s.probe || now - s.lastProbe < PROBE_INTERVAL_MS) return false;
  s.lastProbe = now;
  s.probing = s
    .probe()
    .then(
      () => {
        reportDatabaseSuccess();
        return true;
      },
      () => false,
    )
    .finally(() => (s.probing = null));
  return s.probing;
}
