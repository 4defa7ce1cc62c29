import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attainment, cumulativeForecast, forecastMonths, formatRatio, periodWindow, remainder, winRate } from "@/lib/domain/forecast";
import { forecastApiQuerySchema, forecastFiltersSchema, parseForecastPageParams } from "@/lib/validation/forecast";

describe("periodWindow", () => {
  it("covers the calendar month, quarter and year around today, inclusive, with the next day as exclusive end", () => {
    expect(periodWindow("month", "2026-02-14")).toEqual({ start: "2026-02-01", end: "2026-02-28", endExclusive: "2026-03-01" });
    expect(periodWindow("month", "2028-02-29")).toEqual({ start: "2028-02-01", end: "2028-02-29", endExclusive: "2028-03-01" });
    expect(periodWindow("quarter", "2026-11-23")).toEqual({ start: "2026-10-01", end: "2026-12-31", endExclusive: "2027-01-01" });
    expect(periodWindow("year", "2026-01-01")).toEqual({ start: "2026-01-01", end: "2026-12-31", endExclusive: "2027-01-01" });
    expect(periodWindow("custom", "2026-01-01", { from: "2025-12-30", to: "2026-01-02" })).toEqual({ start: "2025-12-30", end: "2026-01-02", endExclusive: "2026-01-03" });
  });

  it("always contains today for the calendar periods", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), fc.constantFrom("month", "quarter", "year" as const), (d, period) => {
        const today = d.toISOString().slice(0, 10);
        const w = periodWindow(period, today);
        expect(w.start <= today && today <= w.end && w.end < w.endExclusive).toBe(true);
      }),
    );
  });
});

describe("forecastMonths", () => {
  it("lists the current month and the eleven after it, across a year end", () => {
    const months = forecastMonths("2026-11-23");
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ key: "2026-11", label: "Nov 2026", window: { start: "2026-11-01", end: "2026-11-30", endExclusive: "2026-12-01" } });
    expect(months[2].key).toBe("2027-01");
    expect(months[11].window.end).toBe("2027-10-31");
  });
});

describe("ratios", () => {
  it("computes win rates and attainment as exact 4-decimal ratios, null without a base", () => {
    expect(winRate(3, 1)).toBe("0.7500");
    expect(winRate("1000.00", "2000.00")).toBe("0.3333");
    expect(winRate("2", "1")).toBe("0.6667");
    expect(winRate(0, 0)).toBeNull();
    expect(attainment("5000.00", null)).toBeNull();
    expect(attainment("5000.00", "0.00")).toBeNull();
    expect(attainment("5000.00", "4000.00")).toBe("1.2500");
    expect(formatRatio("0.6667")).toBe("66.7%");
    expect(formatRatio(null)).toBe("—");
  });

  it("rolls categories up cumulatively and splits open value into weighted and remainder", () => {
    expect(cumulativeForecast({ CLOSED: "100.00", COMMIT: "50.50", BEST_CASE: "20.25", PIPELINE: "0.25" })).toEqual({
      closed: "100.00",
      commit: "150.50",
      bestCase: "170.75",
      pipeline: "171.00",
    });
    expect(remainder("1000.00", "333.33")).toBe("666.67");
  });
});

describe("forecast filters", () => {
  it("defaults to the quarter and requires valid bounds for a custom range", () => {
    expect(forecastFiltersSchema.parse({})).toEqual({ period: "quarter" });
    const bad = forecastFiltersSchema.safeParse({ period: "custom", from: "2026-02-30", to: "2026-01-01" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toContain("from");
    const reversed = forecastFiltersSchema.safeParse({ period: "custom", from: "2026-03-01", to: "2026-01-01" });
    expect(reversed.error!.issues[0]).toMatchObject({ path: ["to"], message: "The end date is before the start date" });
    expect(forecastApiQuerySchema.safeParse({ groupBy: "team" }).error!.issues[0].path).toEqual(["groupBy"]);
  });

  it("lets the page drop bad URL values, naming them, instead of failing", () => {
    const r = parseForecastPageParams({ period: "custom", from: "yesterday", pipelineId: "p1", ownerId: "" });
    expect(r.filters).toEqual({ period: "quarter", pipelineId: "p1" });
    expect(Object.keys(r.problems).sort()).toEqual(["from", "to"]);
    expect(parseForecastPageParams({ period: "decade" })).toMatchObject({ filters: { period: "quarter" }, problems: { period: expect.any(String) } });
  });
});
