// Prepared-statement names of the hot statements: node-postgres refuses a name a
// connection prepared for another text, and Next.js loads the module once per
// bundle, so a name must follow from the text alone, and the cap is per process.
import { afterEach, describe, expect, it, vi } from "vitest";

const registry = globalThis as unknown as { __namedStatements?: unknown };
const load = async () => {
  vi.resetModules();
  return (await import("@/lib/db/statement-names")).statementName;
};

describe("statementName", () => {
  afterEach(() => {
    delete registry.__namedStatements;
  });

  it("names a text the same in every copy of the module, and different texts differently", async () => {
    const first = await load();
    const a = first("SELECT 1");
    const b = first("SELECT 2");
    delete registry.__namedStatements;
    const second = await load();
    expect(second("SELECT 2")).toBe(b);
    expect(second("SELECT 1")).toBe(a);
    expect(a).not.toBe(b);
    expect(a!.length).toBeLessThan(64);
  });

  it("stops naming new texts past the cap, shared by every copy of the module, and keeps the names given", async () => {
    const first = await load();
    const second = await load();
    const named = Array.from({ length: 16 }, (_, i) => (i % 2 ? first : second)(`SELECT ${i}`));
    expect(named.every((n) => typeof n === "string")).toBe(true);
    expect(first("SELECT 16")).toBeUndefined();
    expect(second("SELECT 17")).toBeUndefined();
    expect(second("SELECT 3")).toBe(named[3]);
  });

  it("keeps a cap per family, so one family's many texts do not starve another", async () => {
    const name = await load();
    for (let i = 0; i < 16; i++) name(`SELECT ${i}`);
    expect(name("SELECT 99")).toBeUndefined();
    const auth = name("SELECT 99", "auth");
    expect(auth).toMatch(/^auth-/);
    expect(auth).not.toBe(name("SELECT 1"));
  });
});
