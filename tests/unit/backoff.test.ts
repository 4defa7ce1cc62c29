import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextAttemptAt, retryDelayMs } from "@/lib/domain/backoff";

const policy = { maxAttempts: 100, baseDelayMs: 10_000, maxDelayMs: 4 * 3_600_000, giveUpAfterMs: 3 * 86_400_000 };

describe("retry backoff", () => {
  it("waits between half and all of base x 2^(n-1), never past the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        const delay = retryDelayMs(attempt, policy, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it("grows with the attempts (comparing the same jitter)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        expect(retryDelayMs(attempt + 1, policy, random)).toBeGreaterThanOrEqual(retryDelayMs(attempt, policy, random));
      }),
    );
  });

  it("spreads retries of the same attempt apart (jitter)", () => {
    const delays = new Set([0, 0.25, 0.5, 0.75, 0.99].map((r) => retryDelayMs(3, policy, r)));
    expect(delays.size).toBe(5);
  });

  it("gives up after the last attempt, or once the next try would fall past the time limit", () => {
    expect(nextAttemptAt(100, 0, 0, policy, 0.5)).toBeNull();
    expect(nextAttemptAt(1, 0, 0, policy, 0.5)).toBe(7_500);
    const created = 0;
    const late = 3 * 86_400_000 - 1000;
    expect(nextAttemptAt(20, created, late, policy, 0.5)).toBeNull();
    // A webhook retried on this schedule keeps trying for about three days, then stops.
    let now = 0;
    let attempt = 1;
    for (;;) {
      const at = nextAttemptAt(attempt, created, now, policy, 0.5);
      if (at === null) break;
      now = at;
      attempt += 1;
    }
    expect(now).toBeGreaterThan(3 * 86_400_000 - policy.maxDelayMs); // the last try falls within one longest wait of the limit
    expect(now).toBeLessThanOrEqual(3 * 86_400_000);
  });
});
