import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBelow } from "@/components/board/board-dnd";
import { outcomeOfMove, type ForecastCategory, type OpportunityOdds } from "@/lib/domain/stage-rules";

const odds = (patch: Partial<OpportunityOdds> = {}): OpportunityOdds => ({
  probability: 30, probabilityOverridden: false, forecastCategory: "PIPELINE", forecastCategoryOverridden: false, ...patch,
});

describe("what a move does to status and odds", () => {
  it("takes the open stage's probability and category unless they were set by hand", () => {
    expect(outcomeOfMove({ type: "OPEN", probability: 50, forecastCategory: "BEST_CASE" }, odds())).toMatchObject({
      status: "OPEN", probability: 50, forecastCategory: "BEST_CASE", closesOn: "clear",
    });
    expect(outcomeOfMove({ type: "OPEN", probability: 50, forecastCategory: "BEST_CASE" }, odds({ probability: 90, probabilityOverridden: true }))).toMatchObject({
      probability: 90, probabilityOverridden: true, forecastCategory: "BEST_CASE",
    });
  });

  it("wins at 100 and loses at 0, closing today and clearing overrides", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.boolean(), (probability, overridden) => {
        const current = odds({ probability, probabilityOverridden: overridden, forecastCategoryOverridden: overridden });
        expect(outcomeOfMove({ type: "WON", probability: 100, forecastCategory: "CLOSED" }, current)).toEqual({
          status: "WON", probability: 100, probabilityOverridden: false, forecastCategory: "CLOSED", forecastCategoryOverridden: false, closesOn: "today",
        });
        expect(outcomeOfMove({ type: "LOST", probability: 0, forecastCategory: "OMITTED" }, current)).toEqual({
          status: "LOST", probability: 0, probabilityOverridden: false, forecastCategory: "OMITTED", forecastCategoryOverridden: false, closesOn: "today",
        });
      }),
    );
  });

  it("never gives an open deal a closed forecast category", () => {
    for (const category of ["CLOSED", "OMITTED"] as ForecastCategory[]) {
      expect(outcomeOfMove({ type: "OPEN", probability: 10, forecastCategory: category }, odds()).forecastCategory).toBe("PIPELINE");
    }
  });
});

describe("where a drop lands next to the card it is over", () => {
  it("goes below when the dragged card's centre is lower than the target's", () => {
    expect(isBelow({ top: 130, height: 100 }, { top: 100, height: 100 })).toBe(true);
    expect(isBelow({ top: 60, height: 100 }, { top: 100, height: 100 })).toBe(false);
    expect(isBelow(null, { top: 100, height: 100 })).toBe(false);
  });
});
