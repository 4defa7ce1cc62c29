import { describe, expect, it } from "vitest";
import { outcomeOfMove, type OpportunityOdds } from "@/lib/domain/stage-rules";

const fresh: OpportunityOdds = { probability: 10, probabilityOverridden: false, forecastCategory: "PIPELINE", forecastCategoryOverridden: false };

describe("moving into a stage", () => {
  it("an open stage sets status OPEN and the stage's probability and category", () => {
    expect(outcomeOfMove({ type: "OPEN", probability: 50, forecastCategory: "BEST_CASE" }, fresh)).toEqual({
      status: "OPEN", probability: 50, probabilityOverridden: false, forecastCategory: "BEST_CASE", forecastCategoryOverridden: false, closesOn: "clear",
    });
  });

  it("keeps a probability or category the user overrode", () => {
    const custom = { ...fresh, probability: 33, probabilityOverridden: true, forecastCategory: "COMMIT" as const, forecastCategoryOverridden: true };
    const out = outcomeOfMove({ type: "OPEN", probability: 75, forecastCategory: "PIPELINE" }, custom);
    expect(out).toMatchObject({ probability: 33, probabilityOverridden: true, forecastCategory: "COMMIT" });
  });

  it("won means 100% and closed, whatever was overridden", () => {
    const custom = { ...fresh, probability: 33, probabilityOverridden: true };
    expect(outcomeOfMove({ type: "WON", probability: 100, forecastCategory: "CLOSED" }, custom)).toMatchObject({
      status: "WON", probability: 100, probabilityOverridden: false, forecastCategory: "CLOSED", closesOn: "today",
    });
  });

  it("lost means 0% and omitted", () => {
    expect(outcomeOfMove({ type: "LOST", probability: 0, forecastCategory: "OMITTED" }, fresh)).toMatchObject({
      status: "LOST", probability: 0, forecastCategory: "OMITTED", closesOn: "today",
    });
  });

  it("reopening a won deal takes the open stage's odds again", () => {
    const won: OpportunityOdds = { probability: 100, probabilityOverridden: false, forecastCategory: "CLOSED", forecastCategoryOverridden: false };
    expect(outcomeOfMove({ type: "OPEN", probability: 75, forecastCategory: "COMMIT" }, won)).toMatchObject({ status: "OPEN", probability: 75, forecastCategory: "COMMIT" });
  });
});
