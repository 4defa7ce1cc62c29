import { describe, expect, it } from "vitest";
import { formatDate, plural, stageAge } from "@/components/opportunities/format";

describe("time in stage", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("counts whole days and warns only past the stage's rotting limit, for open deals", () => {
    expect(stageAge({ status: "OPEN", stageChangedAt: "2026-11-09T12:00:00Z" }, 14, now)).toEqual({ days: 14, rotting: false });
    expect(stageAge({ status: "OPEN", stageChangedAt: "2026-11-08T11:00:00Z" }, 14, now)).toEqual({ days: 15, rotting: true });
    expect(stageAge({ status: "WON", stageChangedAt: "2026-01-01T00:00:00Z" }, 14, now).rotting).toBe(false);
    expect(stageAge({ status: "OPEN", stageChangedAt: "2026-01-01T00:00:00Z" }, null, now).rotting).toBe(false);
    expect(stageAge({ status: "OPEN", stageChangedAt: "2026-11-24T00:00:00Z" }, 1, now).days).toBe(0);
  });

  it("formats dates in UTC and plurals", () => {
    expect(formatDate("2026-03-01")).toBe("Mar 1, 2026");
    expect(formatDate(null)).toBe("—");
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(2, "opportunity", "opportunities")).toBe("2 opportunities");
  });
});
