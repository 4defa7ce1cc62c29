// The forecast's figures as the page and the API return them, built from one
// aggregate row of figuresSql(). Ratios are computed here from the SQL sums
// with decimal.js; nothing passes through a JavaScript float.
import { dec, moneyString } from "@/lib/domain/decimal";
import { cumulativeForecast, winRate } from "@/lib/domain/forecast";

export interface FiguresRow {
  openCount: number;
  openAmount: string;
  weightedAmount: string;
  wonCount: number;
  wonAmount: string;
  oneTimeWon: string;
  lostCount: number;
  lostAmount: string;
  averageDealSize: string | null;
  averageCycleDays: string | null;
  mrrWon: string;
  weightedMrr: string;
  commitCount: number;
  commitAmount: string;
  bestCaseCount: number;
  bestCaseAmount: string;
  pipelineCount: number;
  pipelineAmount: string;
}

export interface ForecastFigures {
  openCount: number;
  /** Unweighted open pipeline in the base currency. */
  openAmount: string;
  weightedAmount: string;
  wonCount: number;
  wonAmount: string;
  /** The won amount's one-time part (one-time amounts at each deal's rate) and the rest, its recurring part (recurring x months); they add up to wonAmount. */
  oneTimeWon: string;
  recurringWon: string;
  lostCount: number;
  lostAmount: string;
  /** won / (won + lost), 4-decimal ratios; null when nothing closed. */
  winRateByCount: string | null;
  winRateByValue: string | null;
  averageDealSize: string | null;
  /** Days from creation to won, one decimal. */
  averageCycleDays: string | null;
  mrrWon: string;
  weightedMrr: string;
}

export interface CategoryFigure {
  count: number;
  amount: string;
}

export interface ForecastCategories {
  CLOSED: CategoryFigure;
  COMMIT: CategoryFigure;
  BEST_CASE: CategoryFigure;
  PIPELINE: CategoryFigure;
  /** Running totals a forecast call reads: closed, + commit, + best case, + pipeline. */
  cumulative: { closed: string; commit: string; bestCase: string; pipeline: string };
}

export const EMPTY_FIGURES_ROW: FiguresRow = {
  openCount: 0,
  openAmount: "0.00",
  weightedAmount: "0.00",
  wonCount: 0,
  wonAmount: "0.00",
  oneTimeWon: "0.00",
  lostCount: 0,
  lostAmount: "0.00",
  averageDealSize: null,
  averageCycleDays: null,
  mrrWon: "0.00",
  weightedMrr: "0.00",
  commitCount: 0,
  commitAmount: "0.00",
  bestCaseCount: 0,
  bestCaseAmount: "0.00",
  pipelineCount: 0,
  pipelineAmount: "0.00",
};

export function toFigures(row: FiguresRow): ForecastFigures {
  return {
    openCount: row.openCount,
    openAmount: row.openAmount,
    weightedAmount: row.weightedAmount,
    wonCount: row.wonCount,
    wonAmount: row.wonAmount,
    oneTimeWon: row.oneTimeWon,
    recurringWon: moneyString(dec(row.wonAmount).minus(row.oneTimeWon)),
    lostCount: row.lostCount,
    lostAmount: row.lostAmount,
    winRateByCount: winRate(row.wonCount, row.lostCount),
    winRateByValue: winRate(row.wonAmount, row.lostAmount),
    averageDealSize: row.averageDealSize,
    averageCycleDays: row.averageCycleDays,
    mrrWon: row.mrrWon,
    weightedMrr: row.weightedMrr,
  };
}

export function toCategories(row: FiguresRow): ForecastCategories {
  const totals = { CLOSED: row.wonAmount, COMMIT: row.commitAmount, BEST_CASE: row.bestCaseAmount, PIPELINE: row.pipelineAmount };
  return {
    CLOSED: { count: row.wonCount, amount: row.wonAmount },
    COMMIT: { count: row.commitCount, amount: row.commitAmount },
    BEST_CASE: { count: row.bestCaseCount, amount: row.bestCaseAmount },
    PIPELINE: { count: row.pipelineCount, amount: row.pipelineAmount },
    cumulative: cumulativeForecast(totals),
  };
}
