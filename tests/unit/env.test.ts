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
});
