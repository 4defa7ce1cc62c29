import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function freshEnv() {
  return (await import("@/lib/env")).env();
}

describe("environment", () => {
  it("defaults to the embedded database in .data", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATA_DIR", "");
    const e = await freshEnv().catch((error: Error) => error);
    expect(e).toBeInstanceOf(Error); // an empty DATA_DIR is a mistake worth stopping for
    vi.stubEnv("DATA_DIR", ".data");
    vi.resetModules();
    expect(await freshEnv()).toMatchObject({ embedded: true });
  });

  it("uses PostgreSQL when DATABASE_URL is set", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://u@db:5432/crm");
    expect(await freshEnv()).toMatchObject({ embedded: false, DATABASE_URL: "postgresql://u@db:5432/crm" });
  });

  it("names the variable that is wrong", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://nope");
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "lots");
    await expect(freshEnv()).rejects.toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL[\s\S]*API_RATE_LIMIT_PER_MINUTE/);
  });

  it("validates the background work settings: retention days, the private-address switch, workers", async () => {
    expect(await freshEnv()).toMatchObject({ EVENT_RETENTION_DAYS: 30, WEBHOOK_ALLOW_PRIVATE: false, JOB_CONCURRENCY: 8, JOB_LEASE_SECONDS: 30 });
    vi.resetModules();
    vi.stubEnv("EVENT_RETENTION_DAYS", "7");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "true");
    expect(await freshEnv()).toMatchObject({ EVENT_RETENTION_DAYS: 7, WEBHOOK_ALLOW_PRIVATE: true });
    vi.resetModules();
    vi.stubEnv("EVENT_RETENTION_DAYS", "0");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "yes");
    vi.stubEnv("JOB_LEASE_SECONDS", "1");
    await expect(freshEnv()).rejects.toThrow(/EVENT_RETENTION_DAYS[\s\S]*WEBHOOK_ALLOW_PRIVATE[\s\S]*JOB_LEASE_SECONDS/);
  });
});

describe("TRUST_PROXY", () => {
  it("is the number of proxies in front of the app: none by default, true meaning one", async () => {
    vi.stubEnv("DATABASE_URL", "");
    expect((await freshEnv()).TRUST_PROXY).toBe(0);
    for (const [value, hops] of [["true", 1], ["false", 0], ["2", 2]] as const) {
      vi.resetModules();
      vi.stubEnv("TRUST_PROXY", value);
      expect((await freshEnv()).TRUST_PROXY).toBe(hops);
    }
  });

  it("names itself when it is neither a flag nor a count", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("TRUST_PROXY", "yes please");
    await expect(freshEnv()).rejects.toThrow(/TRUST_PROXY/);
  });
});
