// Every forecast figure, for several actors and filters, against values the
// test computes itself from the known data set (tests/support/forecast-expected.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { Decimal } from "@/lib/domain/decimal";
import type { Actor } from "@/lib/server/auth/actor";
import { getForecast } from "@/lib/server/forecast";
import type { ForecastFilters } from "@/lib/validation/forecast";
import { buildForecastFixture, NOW, type Fixture, type FxUser } from "../support/forecast-fixture";
import { countsIn, expectedCategories, expectedFigures, expectedMonths, expectedQuota, expectedStages, scoped, type Window } from "../support/forecast-expected";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const WINDOWS: Record<string, Window> = {
  month: { start: "2026-05-01", end: "2026-05-31" },
  quarter: { start: "2026-04-01", end: "2026-06-30" },
  year: { start: "2026-01-01", end: "2026-12-31" },
};

const actorOf = (u: FxUser): Actor => ({ id: u.id, email: `${u.key}@fx.example`, name: u.name, role: u.role });

describe.each(availableKinds())("forecast on %s", (kind) => {
  let t: TestDatabase;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    fx = await buildForecastFixture(t.db);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const cases = (): { who: FxUser["key"]; filters: ForecastFilters; window: Window }[] => [
    { who: "admin", filters: { period: "quarter" }, window: WINDOWS.quarter },
    { who: "manager", filters: { period: "year" }, window: WINDOWS.year },
    { who: "alice", filters: { period: "quarter" }, window: WINDOWS.quarter },
    { who: "alice", filters: { period: "month" }, window: WINDOWS.month },
    { who: "bob", filters: { period: "year", pipelineId: fx.pipelines.sales }, window: WINDOWS.year },
    { who: "alice", filters: { period: "custom", from: "2026-01-10", to: "2026-03-20", ownerId: fx.users.bob.id }, window: { start: "2026-01-10", end: "2026-03-20" } },
    { who: "admin", filters: { period: "quarter", ownerId: fx.users.alice.id, pipelineId: fx.pipelines.sales }, window: WINDOWS.quarter },
  ];

  it("checks headline figures, categories, months, stages and owners against independent values", async () => {
    expect(fx.opportunities.length).toBeGreaterThan(150);
    for (const c of cases()) {
      const user = fx.users[c.who];
      const label = `${c.who} ${JSON.stringify(c.filters)}`;
      const f = { pipelineId: c.filters.pipelineId, ownerId: c.filters.ownerId };
      const opps = scoped(fx, user, f);
      const result = await getForecast(actorOf(user), c.filters, { now: NOW });

      expect(result.window, label).toMatchObject(c.window);
      expect(result.currency).toBe("USD");
      const { quota, attainment, ...headline } = result.headline;
      expect(headline, label).toEqual(expectedFigures(opps, c.window));
      expect(result.categories, label).toEqual(expectedCategories(opps, c.window));

      const shown = c.filters.ownerId ? [c.filters.ownerId] : Object.values(fx.users).map((u) => u.id);
      const quotas = shown.map((id) => expectedQuota(fx, id, c.filters.period, c.window)).filter((q): q is string => q !== null);
      const teamQuota = quotas.length ? quotas.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2) : null;
      expect(quota, label).toBe(teamQuota);
      expect(attainment, label).toBe(teamQuota === null ? null : new Decimal(headline.wonAmount).dividedBy(teamQuota).toDecimalPlaces(4).toFixed(4));

      const months = result.months!.map(({ label: _l, window: _w, ...m }) => m);
      expect(months, label).toEqual(expectedMonths(fx, opps, shown));

      const stages = Object.fromEntries(result.stages!.map(({ stageName: _n, pipelineId: _p, pipelineName: _pn, type: _t, color: _c, ...s }) => [s.stageId, s]));
      const expectedStageRows = Object.fromEntries(expectedStages(fx, opps, c.window, c.filters.pipelineId).map((s) => [s.stageId, s]));
      expect(stages, label).toEqual(expectedStageRows);

      for (const owner of result.owners!) {
        const mine = opps.filter((o) => o.ownerId === owner.ownerId);
        const { ownerId: _id, ownerName: _name, quota: q, attainment: _a, ...figures } = owner;
        expect(figures, `${label} owner ${owner.ownerName}`).toEqual(expectedFigures(mine, c.window));
        expect(q, `${label} quota of ${owner.ownerName}`).toBe(expectedQuota(fx, owner.ownerId, c.filters.period, c.window));
      }
      const ownersWithDeals = new Set(opps.filter((o) => countsIn(o, c.window)).map((o) => o.ownerId));
      for (const id of ownersWithDeals) expect(result.owners!.some((o) => o.ownerId === id), `${label} row for ${id}`).toBe(true);
    }
  });

  it("exercises the interesting cases: foreign stored rates, overrides, privates, quotas", () => {
    const q = WINDOWS.quarter;
    const inQ = fx.opportunities.filter((o) => o.status === "OPEN" && o.expectedCloseDate && o.expectedCloseDate >= q.start && o.expectedCloseDate <= q.end);
    expect(inQ.some((o) => o.exchangeRate !== "1")).toBe(true);
    expect(inQ.some((o) => o.isPrivate && o.ownerId === fx.users.bob.id && !o.memberIds.includes(fx.users.alice.id))).toBe(true);
    expect(fx.opportunities.some((o) => o.status === "OPEN" && o.expectedCloseDate && o.expectedCloseDate < "2026-05-15")).toBe(true);
    expect(fx.opportunities.filter((o) => o.status === "WON" && o.actualCloseDate! >= q.start).length).toBeGreaterThan(3);
    const stages = expectedStages(fx, scoped(fx, fx.users.admin, {}), WINDOWS.year);
    expect(stages.some((s) => s.exited > 0 && s.advanced > 0 && s.advanced < s.exited)).toBe(true);
    expect(stages.filter((s) => s.averageAgeDays !== null).length).toBeGreaterThan(2);
    expect(expectedQuota(fx, fx.users.alice.id, "quarter", q)).toBe("40000.00");
    expect(expectedQuota(fx, fx.users.bob.id, "quarter", q)).toBe("20000.00");
  });

  it("never lets a salesperson's totals include a private deal they cannot see", async () => {
    const secret = fx.opportunities.find((o) => o.id === fx.secretId)!;
    const admin = await getForecast(actorOf(fx.users.admin), { period: "quarter" }, { now: NOW });
    const alice = await getForecast(actorOf(fx.users.alice), { period: "quarter" }, { now: NOW });
    const bob = await getForecast(actorOf(fx.users.bob), { period: "quarter" }, { now: NOW });
    const admins = Number(admin.headline.openAmount);
    // The secret is the biggest deal by far: anything that counted it would exceed the visible total.
    expect(Number(secret.baseAmount)).toBeGreaterThan(admins / 2);
    const visibleToAlice = scoped(fx, fx.users.alice, {}).reduce((n, o) => n + (o.id === secret.id ? 1 : 0), 0);
    expect(visibleToAlice).toBe(0);
    expect(Number(alice.headline.openAmount)).toBeLessThan(Number(secret.baseAmount));
    expect(Number(alice.categories.COMMIT.amount)).toBeLessThan(Number(secret.baseAmount));
    const bobRowForAlice = alice.owners!.find((o) => o.ownerId === fx.users.bob.id)!;
    expect(Number(bobRowForAlice.openAmount)).toBeLessThan(Number(secret.baseAmount));
    expect(Number(bob.headline.openAmount)).toBeGreaterThan(Number(secret.baseAmount));
    const may = alice.months!.find((m) => m.key === "2026-05")!;
    expect(Number(may.openAmount)).toBeLessThan(Number(secret.baseAmount));
  });
});
