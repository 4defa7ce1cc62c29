import { describe, expect, it } from "vitest";
import { uuid7 } from "@/lib/db/uuid7";

describe("uuid7", () => {
  it("is a version 7, RFC 9562 variant UUID carrying the time", () => {
    const at = Date.UTC(2026, 10, 23, 7, 30);
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time and never repeats", () => {
    const ids = Array.from({ length: 1000 }, (_, k) => uuid7(1_700_000_000_000 + k));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuid7(1_700_000_000_000))).size).toBe(1000);
  });
});
