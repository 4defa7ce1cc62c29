import { beforeEach, describe, expect, it } from "vitest";
import { databaseAvailable, PROBE_INTERVAL_MS, registerDatabaseProbe, reportDatabaseFailure, reportDatabaseSuccess } from "@/lib/db/availability";

describe("database availability breaker", () => {
  let probes = 0;
  let probeAnswers = false;
  beforeEach(() => {
    probes = 0;
    reportDatabaseSuccess();
    registerDatabaseProbe(async () => {
      probes++;
      if (!probeAnswers) throw new Error("connect ECONNREFUSED");
    });
  });

  it("lets everything through while the database answers, without probing", async () => {
    expect(await databaseAvailable()).toBe(true);
    expect(probes).toBe(0);
  });

  it("refuses while down, probes at most once per interval, and closes when a probe answers", async () => {
    const t0 = 1_000_000;
    probeAnswers = false;
    reportDatabaseFailure(t0);
    expect(await databaseAvailable(t0 + 10)).toBe(false);
    expect(probes).toBe(0); // the failure itself counts as the latest probe
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS)).toBe(false);
    expect(probes).toBe(1);
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS + 10)).toBe(false);
    expect(probes).toBe(1);
    probeAnswers = true;
    expect(await databaseAvailable(t0 + 2 * PROBE_INTERVAL_MS)).toBe(true);
    expect(probes).toBe(2);
    expect(await databaseAvailable(t0 + 2 * PROBE_INTERVAL_MS + 1)).toBe(true);
  });

  it("shares one probe between the requests that arrive while it runs", async () => {
    probeAnswers = true;
    reportDatabaseFailure(0);
    const answers = await Promise.all([databaseAvailable(5000), databaseAvailable(5001), databaseAvailable(5002)]);
    expect(answers).toEqual([true, true, true]);
    expect(probes).toBe(1);
  });

  it("closes as soon as any query succeeds", async () => {
    reportDatabaseFailure(0);
    reportDatabaseSuccess();
    expect(await databaseAvailable(1)).toBe(true);
  });
});
