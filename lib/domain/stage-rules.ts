// What moving an opportunity into a stage does to its status and odds (DESIGN.md).
export type StageType = "OPEN" | "WON" | "LOST";
export type ForecastCategory = "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";

export interface StageRuleInput {
  type: StageType;
  probability: number;
  forecastCategory: ForecastCategory;
}

export interface OpportunityOdds {
  probability: number;
  probabilityOverridden: boolean;
  forecastCategory: ForecastCategory;
  forecastCategoryOverridden: boolean;
}

export interface StageOutcome extends OpportunityOdds {
  status: StageType;
  /** Set when the move closes the deal, cleared when it reopens. */
  closesOn: "today" | "clear";
}

export function outcomeOfMove(stage: StageRuleInput, current: OpportunityOdds): StageOutcome {
  if (stage.type === "WON") {
    return { status: "WON", probability: 100, probabilityOverridden: false, forecastCategory: "CLOSED", forecastCategoryOverridden: false, closesOn: "today" };
  }
  if (stage.type === "LOST") {
    return { status: "LOST", probability: 0, probabilityOverridden: false, forecastCategory: "OMITTED", forecastCategoryOverridden: false, closesOn: "today" };
  }
  return {
    status: "OPEN",
    probability: current.probabilityOverridden ? current.probability : stage.probability,
    probabilityOverridden: current.probabilityOverridden,
    forecastCategory: current.forecastCategoryOverridden ? current.forecastCategory : openCategory(stage.forecastCategory),
    forecastCategoryOverridden: current.forecastCategoryOverridden,
    closesOn: "clear",
  };
}

function openCategory(category: ForecastCategory): ForecastCategory {
  return category === "CLOSED" || category === "OMITTED" ? "PIPELINE" : category;
}
