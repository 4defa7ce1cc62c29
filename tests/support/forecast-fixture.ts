// A known data set for the forecast: users of each role, two pipelines, deals
// in every status spread over past, current and future months, foreign
// currencies at stored rates that differ from today's, private deals, members,
// forecast-category overrides, stage histories and quotas. Generated from a
// fixed seed, kept in memory as plain records so the test can compute every
// figure itself.
import type { Database } from "@/lib/db";
import { Decimal } from "@/lib/domain/decimal";
import { toBaseAmount } from "@/lib/domain/money";
import { ranksForCount } from "@/lib/domain/rank";

export const NOW = new Date("2026-05-15T12:00:00.000Z");
export const TODAY = "2026-05-15";

export type Status = "OPEN" | "WON" | "LOST";
export type Category = "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";

export interface FxUser {
  id: string;
  key: "admin" | "manager" | "alice" | "bob";
  name: string;
  role: "ADMIN" | "MANAGER" | "SALES";
}
export interface FxStage {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
  type: Status;
  forecastCategory: Category;
}
export interface FxChange {
  toStageId: string;
  changedAt: Date;
}
export interface FxOpportunity {
  id: string;
  title: string;
  pipelineId: string;
  stageId: string;
  status: Status;
  probability: number;
  forecastCategory: Category;
  amount: string;
  currencyCode: string;
  exchangeRate: string;
  baseAmount: string;
  oneTimeAmount: string;
  recurringAmount: string;
  expectedCloseDate: string | null;
  actualCloseDate: string | null;
  createdAt: Date;
  stageChangedAt: Date;
  ownerId: string;
  isPrivate: boolean;
  memberIds: string[];
  changes: FxChange[];
}
export interface FxQuota {
  userId: string;
  period: "MONTH" | "QUARTER" | "YEAR";
  periodStart: string;
  amount: string;
}
export interface Fixture {
  users: Record<FxUser["key"], FxUser>;
  pipelines: { sales: string; renewals: string };
  stages: FxStage[];
  opportunities: FxOpportunity[];
  quotas: FxQuota[];
  /** A large private deal of bob's that alice must never see in any total. */
  secretId: string;
}

function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => dayOf(new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY));

const STAGES = {
  sales: [
    ["Lead", 10, "OPEN", "PIPELINE"],
    ["Qualified", 30, "OPEN", "PIPELINE"],
    ["Proposal", 55, "OPEN", "BEST_CASE"],
    ["Negotiation", 80, "OPEN", "COMMIT"],
    ["Won", 100, "WON", "CLOSED"],
    ["Lost", 0, "LOST", "OMITTED"],
  ],
  renewals: [
    ["Upcoming", 60, "OPEN", "BEST_CASE"],
    ["Renewed", 100, "WON", "CLOSED"],
    ["Churned", 0, "LOST", "OMITTED"],
  ],
} as const;

export async function buildForecastFixture(db: Database, count = 160): Promise<Fixture> {
  const p = db.prisma;
  const r = rng(424242);
  await p.currency.createMany({
    data: [
      { code: "USD", name: "US Dollar", symbol: "$", rateToBase: "1", isBase: true },
      // Today's rate differs from the rates stored on deals: the forecast must use the stored ones.
      { code: "EUR", name: "Euro", symbol: "€", rateToBase: "2", isBase: false },
    ],
  });
  const userSeeds = [
    ["admin", "Ada Admin", "ADMIN"],
    ["manager", "Morgan Manager", "MANAGER"],
    ["alice", "Alice Anders", "SALES"],
    ["bob", "Bob Baker", "SALES"],
  ] as const;
  const users = {} as Fixture["users"];
  for (const [key, name, role] of userSeeds) {
    const u = await p.user.create({ data: { email: `${key}@fx.example`, name, role, passwordHash: "x" } });
    users[key] = { id: u.id, key, name, role };
  }
  const stages: FxStage[] = [];
  const pipelines = { sales: "", renewals: "" };
  for (const [position, key] of (["sales", "renewals"] as const).entries()) {
    const pl = await p.pipeline.create({ data: { name: key === "sales" ? "Sales" : "Renewals", position } });
    pipelines[key] = pl.id;
    for (const [i, [name, probability, type, forecastCategory]] of STAGES[key].entries()) {
      const s = await p.stage.create({ data: { pipelineId: pl.id, name, position: i, probability, type, forecastCategory } });
      stages.push({ id: s.id, pipelineId: pl.id, name, position: i, probability, type, forecastCategory });
    }
  }

  const owners = [users.alice, users.alice, users.bob, users.bob, users.manager];
  const opportunities: FxOpportunity[] = [];
  for (let i = 0; i < count; i++) {
    const pipelineId = r.chance(0.75) ? pipelines.sales : pipelines.renewals;
    const own = stages.filter((s) => s.pipelineId === pipelineId);
    const open = own.filter((s) => s.type === "OPEN");
    const roll = r.next();
    const stage = roll < 0.2 ? own.find((s) => s.type === "WON")! : roll < 0.32 ? own.find((s) => s.type === "LOST")! : r.pick(open);
    const owner = r.pick(owners);
    const amount = `${r.int(0, 90000)}.${String(r.int(0, 99)).padStart(2, "0")}`;
    const foreign = r.chance(0.4);
    const exchangeRate = foreign ? r.pick(["1.08", "1.1", "1.23456789", "0.91"]) : "1";
    const overridden = stage.type === "OPEN" && r.chance(0.3);
    const probability = stage.type === "OPEN" ? (overridden ? r.int(0, 100) : stage.probability) : stage.probability;
    const forecastCategory: Category =
      stage.type === "OPEN" ? (r.chance(0.3) ? r.pick(["PIPELINE", "BEST_CASE", "COMMIT"] as const) : stage.forecastCategory) : stage.forecastCategory;
    const expectedCloseDate = r.chance(0.05) ? null : addDays("2025-12-01", r.int(0, 640));
    const actualCloseDate = stage.type === "OPEN" ? null : addDays("2026-01-01", r.int(0, 134));
    const anchor = actualCloseDate ?? expectedCloseDate ?? TODAY;
    const createdAt = new Date(Date.parse(`${addDays(anchor < TODAY ? anchor : TODAY, -r.int(5, 200))}T00:00:00Z`) + r.int(0, DAY - 1));

    // A path through the open stages (sometimes stepping back once), ending in the current stage.
    const target = stage.type === "OPEN" ? open.indexOf(stage) : r.int(0, open.length - 1);
    const path: FxStage[] = open.slice(0, target + 1);
    if (target > 0 && r.chance(0.2)) path.push(open[target - 1], open[target]);
    if (stage.type !== "OPEN") path.push(stage);
    const end = Math.min(NOW.getTime() - 3600_000, actualCloseDate ? Date.parse(`${actualCloseDate}T18:00:00Z`) : NOW.getTime() - r.int(1, 60) * 3600_000);
    const span = Math.max(60_000, (end - createdAt.getTime()) / path.length);
    const changes = path.map((s, k) => ({ toStageId: s.id, changedAt: new Date(Math.round(createdAt.getTime() + span * k)) }));
    const isPrivate = r.chance(0.25);
    const memberIds = r.chance(0.25) ? [r.pick([users.alice, users.bob, users.manager]).id].filter((id) => id !== owner.id) : [];
    opportunities.push({
      id: crypto.randomUUID(),
      title: `Deal ${i}`,
      pipelineId,
      stageId: stage.id,
      status: stage.type,
      probability,
      forecastCategory,
      amount,
      currencyCode: foreign ? "EUR" : "USD",
      exchangeRate,
      baseAmount: toBaseAmount(amount, exchangeRate),
      recurringAmount: r.chance(0.35) ? `${r.int(10, 4000)}.${String(r.int(0, 99)).padStart(2, "0")}` : "0.00",
      // A part of the amount, drawn from nothing random so the other figures keep their fixture.
      oneTimeAmount: i % 3 === 0 ? amount : i % 3 === 1 ? "0.00" : new Decimal(amount).dividedBy(3).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2),
      expectedCloseDate,
      actualCloseDate,
      createdAt,
      stageChangedAt: changes[changes.length - 1].changedAt,
      ownerId: owner.id,
      isPrivate,
      memberIds,
      changes,
    });
  }
  const proposal = stages.find((s) => s.name === "Negotiation")!;
  const secret: FxOpportunity = {
    ...opportunities[0],
    id: crypto.randomUUID(),
    title: "Bob's secret deal",
    stageId: proposal.id,
    pipelineId: pipelines.sales,
    status: "OPEN",
    probability: 80,
    forecastCategory: "COMMIT",
    amount: "987654.32",
    currencyCode: "USD",
    exchangeRate: "1",
    baseAmount: "987654.32",
    oneTimeAmount: "927654.32",
    recurringAmount: "5000.00",
    expectedCloseDate: "2026-05-20",
    actualCloseDate: null,
    ownerId: users.bob.id,
    isPrivate: true,
    memberIds: [],
    changes: [{ toStageId: proposal.id, changedAt: new Date("2026-04-02T09:00:00Z") }],
    stageChangedAt: new Date("2026-04-02T09:00:00Z"),
    createdAt: new Date("2026-04-02T09:00:00Z"),
  };
  opportunities.push(secret);

  const ranks = ranksForCount(opportunities.length);
  await p.opportunity.createMany({
    data: opportunities.map((o, i) => ({
      id: o.id,
      title: o.title,
      pipelineId: o.pipelineId,
      stageId: o.stageId,
      rank: ranks[i],
      status: o.status,
      probability: o.probability,
      forecastCategory: o.forecastCategory,
      amount: o.amount,
      currencyCode: o.currencyCode,
      exchangeRate: o.exchangeRate,
      baseAmount: o.baseAmount,
      oneTimeAmount: o.oneTimeAmount,
      recurringAmount: o.recurringAmount,
      expectedCloseDate: o.expectedCloseDate ? new Date(`${o.expectedCloseDate}T00:00:00Z`) : null,
      actualCloseDate: o.actualCloseDate ? new Date(`${o.actualCloseDate}T00:00:00Z`) : null,
      createdAt: o.createdAt,
      stageChangedAt: o.stageChangedAt,
      ownerId: o.ownerId,
      isPrivate: o.isPrivate,
    })),
  });
  await p.opportunityMember.createMany({ data: opportunities.flatMap((o) => o.memberIds.map((userId) => ({ opportunityId: o.id, userId }))) });
  await p.stageChange.createMany({
    data: opportunities.flatMap((o) => {
      const byId = new Map(stages.map((s) => [s.id, s]));
      return o.changes.map((c, k) => ({
        opportunityId: o.id,
        fromStageId: k === 0 ? null : o.changes[k - 1].toStageId,
        toStageId: c.toStageId,
        fromStatus: k === 0 ? null : byId.get(o.changes[k - 1].toStageId)!.type,
        toStatus: byId.get(c.toStageId)!.type,
        changedAt: c.changedAt,
      }));
    }),
  });

  const quotas: FxQuota[] = [
    { userId: users.alice.id, period: "MONTH", periodStart: "2026-04-01", amount: "10000.00" },
    { userId: users.alice.id, period: "MONTH", periodStart: "2026-05-01", amount: "12000.00" },
    { userId: users.alice.id, period: "MONTH", periodStart: "2026-06-01", amount: "15000.50" },
    { userId: users.alice.id, period: "QUARTER", periodStart: "2026-04-01", amount: "40000.00" },
    { userId: users.bob.id, period: "MONTH", periodStart: "2026-02-01", amount: "9000.00" },
    { userId: users.bob.id, period: "MONTH", periodStart: "2026-05-01", amount: "20000.00" },
    { userId: users.bob.id, period: "MONTH", periodStart: "2026-07-01", amount: "5000.25" },
  ];
  await p.quota.createMany({ data: quotas.map((q) => ({ ...q, periodStart: new Date(`${q.periodStart}T00:00:00Z`) })) });
  return { users, pipelines, stages, opportunities, quotas, secretId: secret.id };
}
