// The forecast's figures computed a second time, in plain TypeScript over the
// fixture's in-memory records, without the service's SQL or its helpers:
// the reference the integration test compares every figure against.
import { Decimal } from "@/lib/domain/decimal";
import type { Fixture, FxOpportunity, FxUser } from "./forecast-fixture";
import { NOW, TODAY } from "./forecast-fixture";

export interface Window {
  start: string;
  end: string;
}
export interface Filters {
  pipelineId?: string;
  ownerId?: string;
}

const D = (v: string | number) => new Decimal(v);
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), D(0));
const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const share = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.dividedBy(whole).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4));
const inside = (day: string | null, w: Window) => day !== null && day >= w.start && day <= w.end;
const base = (o: FxOpportunity) => D(o.baseAmount);
const mrr = (o: FxOpportunity) => D(o.recurringAmount).times(o.exchangeRate);

export function visibleTo(user: FxUser, o: FxOpportunity): boolean {
  return user.role !== "SALES" || !o.isPrivate || o.ownerId === user.id || o.memberIds.includes(user.id);
}

export function scoped(fx: Fixture, user: FxUser, f: Filters): FxOpportunity[] {
  return fx.opportunities.filter((o) => visibleTo(user, o) && (!f.pipelineId || o.pipelineId === f.pipelineId) && (!f.ownerId || o.ownerId === f.ownerId));
}

const isOpenIn = (o: FxOpportunity, w: Window) => o.status === "OPEN" && inside(o.expectedCloseDate, w);
const isClosedIn = (o: FxOpportunity, w: Window, status: "WON" | "LOST") => o.status === status && inside(o.actualCloseDate, w);

/** Whether the deal counts in the window at all (open by expected close, closed by actual close). */
export const countsIn = (o: FxOpportunity, w: Window) => isOpenIn(o, w) || isClosedIn(o, w, "WON") || isClosedIn(o, w, "LOST");

function category(o: FxOpportunity): string {
  return o.forecastCategory === "COMMIT" || o.forecastCategory === "BEST_CASE" ? o.forecastCategory : "PIPELINE";
}

export function expectedFigures(opps: FxOpportunity[], w: Window) {
  const open = opps.filter((o) => isOpenIn(o, w));
  const won = opps.filter((o) => isClosedIn(o, w, "WON"));
  const lost = opps.filter((o) => isClosedIn(o, w, "LOST"));
  const wonAmount = sum(won.map(base));
  const lostAmount = sum(lost.map(base));
  const cycleDays = won.map((o) => D(Date.parse(`${o.actualCloseDate}T00:00:00Z`) - Date.parse(`${o.createdAt.toISOString().slice(0, 10)}T00:00:00Z`)).dividedBy(86_400_000));
  return {
    openCount: open.length,
    openAmount: cents(sum(open.map(base))),
    weightedAmount: cents(sum(open.map((o) => base(o).times(o.probability).dividedBy(100)))),
    wonCount: won.length,
    wonAmount: cents(wonAmount),
    oneTimeWon: cents(sum(won.map((o) => D(o.oneTimeAmount).times(o.exchangeRate)))),
    recurringWon: cents(wonAmount.minus(cents(sum(won.map((o) => D(o.oneTimeAmount).times(o.exchangeRate)))))),
    lostCount: lost.length,
    lostAmount: cents(lostAmount),
    winRateByCount: share(D(won.length), D(won.length + lost.length)),
    winRateByValue: share(wonAmount, wonAmount.plus(lostAmount)),
    averageDealSize: won.length ? cents(wonAmount.dividedBy(won.length)) : null,
    averageCycleDays: won.length ? sum(cycleDays).dividedBy(won.length).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1) : null,
    mrrWon: cents(sum(won.map(mrr))),
    weightedMrr: cents(sum(open.map((o) => mrr(o).times(o.probability).dividedBy(100)))),
  };
}

export function expectedCategories(opps: FxOpportunity[], w: Window) {
  const open = opps.filter((o) => isOpenIn(o, w));
  const won = opps.filter((o) => isClosedIn(o, w, "WON"));
  const of = (c: string) => open.filter((o) => category(o) === c);
  const closed = sum(won.map(base));
  const commit = sum(of("COMMIT").map(base));
  const best = sum(of("BEST_CASE").map(base));
  const pipe = sum(of("PIPELINE").map(base));
  return {
    CLOSED: { count: won.length, amount: cents(closed) },
    COMMIT: { count: of("COMMIT").length, amount: cents(commit) },
    BEST_CASE: { count: of("BEST_CASE").length, amount: cents(best) },
    PIPELINE: { count: of("PIPELINE").length, amount: cents(pipe) },
    cumulative: {
      closed: cents(closed),
      commit: cents(closed.plus(commit)),
      bestCase: cents(closed.plus(commit).plus(best)),
      pipeline: cents(closed.plus(commit).plus(best).plus(pipe)),
    },
  };
}

/** The quota rule: the exact period's quota, else quarters inside a year, else months inside the window. */
export function expectedQuota(fx: Fixture, userId: string, period: string, w: Window): string | null {
  const mine = fx.quotas.filter((q) => q.userId === userId && q.periodStart >= w.start && q.periodStart <= w.end);
  const kind = { month: "MONTH", quarter: "QUARTER", year: "YEAR" }[period];
  const exact = mine.filter((q) => q.period === kind && q.periodStart === w.start);
  const quarters = mine.filter((q) => q.period === "QUARTER");
  const months = mine.filter((q) => q.period === "MONTH");
  const pick = exact.length ? exact : period === "year" && quarters.length ? quarters : months;
  return pick.length ? cents(sum(pick.map((q) => D(q.amount)))) : null;
}

export function expectedMonths(fx: Fixture, opps: FxOpportunity[], shownUserIds: string[]) {
  const keys = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(2026, 4 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  const bucketOf = (o: FxOpportunity): string | null => {
    if (o.status === "OPEN") {
      if (!o.expectedCloseDate) return null;
      return o.expectedCloseDate < TODAY ? "overdue" : o.expectedCloseDate.slice(0, 7);
    }
    return o.status === "WON" ? o.actualCloseDate!.slice(0, 7) : null;
  };
  return ["overdue", ...keys].map((key) => {
    const inBucket = opps.filter((o) => bucketOf(o) === key);
    const open = inBucket.filter((o) => o.status === "OPEN");
    const won = inBucket.filter((o) => o.status === "WON");
    const openAmount = sum(open.map(base));
    const weighted = D(cents(sum(open.map((o) => base(o).times(o.probability).dividedBy(100)))));
    const targets = fx.quotas.filter((q) => q.period === "MONTH" && q.periodStart.slice(0, 7) === key && shownUserIds.includes(q.userId));
    return {
      key,
      wonCount: won.length,
      wonAmount: cents(sum(won.map(base))),
      openCount: open.length,
      openAmount: cents(openAmount),
      weightedAmount: cents(weighted),
      remainderAmount: cents(openAmount.minus(weighted)),
      target: targets.length ? cents(sum(targets.map((q) => D(q.amount)))) : null,
    };
  });
}

export function expectedStages(fx: Fixture, opps: FxOpportunity[], w: Window, pipelineId?: string) {
  const from = Date.parse(`${w.start}T00:00:00Z`);
  const to = Date.parse(`${w.end}T00:00:00Z`) + 86_400_000;
  const stageById = new Map(fx.stages.map((s) => [s.id, s]));
  return fx.stages
    .filter((s) => !pipelineId || s.pipelineId === pipelineId)
    .map((s) => {
      const here = opps.filter((o) => o.stageId === s.id);
      const f = expectedFigures(here, w);
      const openHere = here.filter((o) => isOpenIn(o, w));
      const ages = openHere.map((o) => D(NOW.getTime() - o.stageChangedAt.getTime()).dividedBy(86_400_000));
      let exited = 0;
      let advanced = 0;
      if (s.type === "OPEN") {
        for (const o of opps) {
          // An exit is a change whose previous stage was this one, made inside the window.
          const exits = o.changes.filter((c, k) => k > 0 && o.changes[k - 1].toStageId === s.id && c.changedAt.getTime() >= from && c.changedAt.getTime() < to);
          if (!exits.length) continue;
          exited++;
          const forward = exits.some((c) => {
            const t = stageById.get(c.toStageId)!;
            return t.pipelineId === s.pipelineId && t.position > s.position && t.type !== "LOST";
          });
          if (forward) advanced++;
        }
      }
      const byType = {
        OPEN: { count: f.openCount, amount: f.openAmount, weightedAmount: f.weightedAmount },
        WON: { count: f.wonCount, amount: f.wonAmount, weightedAmount: f.wonAmount },
        LOST: { count: f.lostCount, amount: f.lostAmount, weightedAmount: "0.00" },
      }[s.type];
      return {
        stageId: s.id,
        ...byType,
        averageAgeDays: s.type === "OPEN" && ages.length ? sum(ages).dividedBy(ages.length).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1) : null,
        exited,
        advanced,
        conversion: s.type === "OPEN" ? share(D(advanced), D(exited)) : null,
      };
    });
}
