// Demo data. seedDemoData() is idempotent: reference data is upserted by its
// natural key, and opportunities are generated only while there are none.
import { addDays, startOfDay } from "date-fns";
import { amountsFromLines, convertPrice, lineTotal } from "../domain/line-items";
import { dec, moneyString } from "../domain/decimal";
import { toBaseAmount } from "../domain/money";
import { ranksForCount } from "../domain/rank";
import { outcomeOfMove } from "../domain/stage-rules";
import { hashPassword } from "../auth/password";
import type { AppPrismaClient } from "./database";
import type { Prisma } from "./generated/client";
import * as data from "./seed-data";

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function randomSource(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}

const utcDay = (d: Date) => new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));

export async function isDatabaseEmpty(prisma: AppPrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

export async function seedDemoData(prisma: AppPrismaClient, now = new Date()): Promise<{ opportunities: number }> {
  const rnd = randomSource(20261123);
  const passwordHash = await hashPassword(data.DEMO_PASSWORD);

  for (const c of data.DEMO_CURRENCIES) {
    await prisma.currency.upsert({
      where: { code: c.code },
      create: { ...c, rateDate: utcDay(now) },
      update: {},
    });
  }
  const users = [];
  for (const u of data.DEMO_USERS) {
    users.push(await prisma.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} }));
  }
  const [, manager, alice, bob] = users;

  await upsertNamed(prisma.lostReason, data.DEMO_LOST_REASONS);
  await upsertNamed(prisma.source, data.DEMO_SOURCES);
  await upsertNamed(prisma.opportunityType, data.DEMO_TYPES);
  for (const [position, l] of data.DEMO_LABELS.entries()) {
    await prisma.label.upsert({ where: { key: l.key }, create: { ...l, position }, update: {} });
  }
  for (const f of data.DEMO_CUSTOM_FIELDS) {
    await prisma.customFieldDefinition.upsert({ where: { key: f.key }, create: f, update: {} });
  }

  for (const [position, p] of data.DEMO_PIPELINES.entries()) {
    const existing = await prisma.pipeline.findFirst({ where: { name: p.name } });
    if (existing) continue;
    await prisma.pipeline.create({
      data: {
        name: p.name,
        isDefault: p.isDefault,
        position,
        stages: { create: p.stages.map((s, i) => ({ ...s, position: i })) },
      },
    });
  }

  for (const [code, name, unit, unitPrice, currencyCode, group, billing] of data.DEMO_PRODUCTS) {
    await prisma.product.upsert({ where: { code }, create: { code, name, unit, unitPrice, currencyCode, group, billing }, update: {} });
  }

  if ((await prisma.account.count()) === 0) {
    for (const [i, [name, industry, segment, territory, city, country, employees]] of data.DEMO_ACCOUNTS.entries()) {
      const domain = name.toLowerCase().replace(/[^a-z]+/g, "") + ".example";
      await prisma.account.create({
        data: {
          name, industry, segment, territory, city, country, employees,
          website: `https://www.${domain}`,
          phone: `+1 555 01${String(i).padStart(2, "0")}`,
          annualRevenue: moneyString(dec(employees).times(185000)),
          ownerId: pickOwner(i, [alice.id, bob.id, manager.id]),
          contacts: {
            create: [0, 1].map((k) => {
              const first = data.FIRST_NAMES[(i * 2 + k) % data.FIRST_NAMES.length];
              const last = data.LAST_NAMES[(i * 3 + k * 7) % data.LAST_NAMES.length];
              return {
                firstName: first,
                lastName: last,
                email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `@${domain}`,
                phone: `+1 555 02${String(i * 2 + k).padStart(2, "0")}`,
                jobTitle: data.JOB_TITLES[(i + k * 3) % data.JOB_TITLES.length],
              };
            }),
          },
        },
      });
    }
  }

  if ((await prisma.opportunity.count()) > 0) return { opportunities: 0 };
  return { opportunities: await seedOpportunities(prisma, rnd, now, { manager, alice, bob }) };
}

function pickOwner(i: number, ids: string[]) {
  return ids[i % ids.length];
}

type NamedDelegate = {
  upsert(args: { where: { name: string }; create: { name: string; position: number }; update: object }): Promise<unknown>;
};

async function upsertNamed(delegate: NamedDelegate, names: readonly string[]) {
  for (const [position, name] of names.entries()) {
    await delegate.upsert({ where: { name }, create: { name, position }, update: {} });
  }
}

async function seedOpportunities(
  prisma: AppPrismaClient,
  rnd: ReturnType<typeof randomSource>,
  now: Date,
  people: { manager: { id: string }; alice: { id: string }; bob: { id: string } },
): Promise<number> {
  const pipelines = await prisma.pipeline.findMany({ include: { stages: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } });
  const currencies = await prisma.currency.findMany();
  const rate = new Map(currencies.map((c) => [c.code, c.rateToBase.toString()]));
  const products = await prisma.product.findMany();
  const accounts = await prisma.account.findMany({ include: { contacts: true }, orderBy: { name: "asc" } });
  const [lostReasons, sources, types] = await Promise.all([
    prisma.lostReason.findMany(),
    prisma.source.findMany(),
    prisma.opportunityType.findMany(),
  ]);
  const owners = [people.alice.id, people.alice.id, people.bob.id, people.bob.id, people.manager.id];
  const today = startOfDay(now);

  const opportunities: Prisma.OpportunityCreateManyInput[] = [];
  const lineItems: Prisma.LineItemCreateManyInput[] = [];
  const stageChanges: Prisma.StageChangeCreateManyInput[] = [];
  const contacts: Prisma.OpportunityContactCreateManyInput[] = [];
  const members: Prisma.OpportunityMemberCreateManyInput[] = [];
  const byStage = new Map<string, number[]>();
  const titles = new Set<string>();
  const uniqueTitle = (base: string) => {
    let title = base;
    for (let n = 2; titles.has(title); n++) title = `${base} (${n})`;
    titles.add(title);
    return title;
  };

  for (let i = 0; i < 150; i++) {
    const pipeline = i < 120 ? pipelines[0] : pipelines[1];
    const open = pipeline.stages.filter((s) => s.type === "OPEN");
    const closing = rnd.next();
    const stage =
      closing < 0.18 ? pipeline.stages.find((s) => s.type === "WON")! : closing < 0.3 ? pipeline.stages.find((s) => s.type === "LOST")! : rnd.pick(open);
    const account = accounts[i % accounts.length];
    const ownerId = owners[(i + rnd.int(0, 4)) % owners.length];
    const currencyCode = account.country === "DE" || account.country === "FR" || account.country === "ES" ? "EUR" : account.country === "GB" ? "GBP" : "USD";
    const createdAt = addDays(today, -rnd.int(10, 240));
    const id = crypto.randomUUID();
    const contractMonths = rnd.pick([12, 12, 24, 36]);

    let amount = moneyString(rnd.int(20, 900) * 100);
    let recurringAmount = "0.00";
    let oneTimeAmount = amount;
    if (rnd.chance(0.6)) {
      const lines = Array.from({ length: rnd.int(1, 4) }, () => rnd.pick(products));
      const unique = [...new Map(lines.map((p) => [p.code, p])).values()];
      const built = unique.map((p, position) => {
        const billing = p.billing;
        const unitPrice = convertPrice(p.unitPrice.toString(), rate.get(p.currencyCode)!, rate.get(currencyCode)!);
        const quantity = billing === "MONTHLY" ? String(rnd.int(5, 120)) : String(rnd.int(1, 6));
        const discountPercent = rnd.pick(["0", "0", "5", "10", "15"]);
        return { position, productId: p.id, code: p.code, name: p.name, unit: p.unit, quantity, unitPrice, discountPercent, billing };
      });
      const derived = amountsFromLines(built, contractMonths);
      amount = derived.amount;
      recurringAmount = derived.recurringAmount;
      oneTimeAmount = derived.oneTimeAmount;
      for (const line of built) lineItems.push({ ...line, opportunityId: id, total: lineTotal(line).toFixed(2) });
    }

    const odds = outcomeOfMove(stage, { probability: 0, probabilityOverridden: false, forecastCategory: "PIPELINE", forecastCategoryOverridden: false });
    const closed = stage.type !== "OPEN";
    const plannedClose = addDays(createdAt, rnd.int(20, 120));
    const actualClose = closed ? (plannedClose > today ? addDays(today, -rnd.int(1, 20)) : plannedClose) : null;
    const expected = actualClose ?? addDays(today, rnd.int(-45, 300));

    // A path through the open stages up to the current one, with plausible dates.
    const path = stage.type === "OPEN" ? open.slice(0, open.indexOf(stage) + 1) : [...open.slice(0, rnd.int(1, open.length)), stage];
    const end = actualClose ?? addDays(today, -rnd.int(0, 30));
    const span = Math.max(1, (end.getTime() - createdAt.getTime()) / path.length);
    let stageChangedAt = createdAt;
    path.forEach((s, k) => {
      const at = new Date(createdAt.getTime() + span * k + (k === 0 ? 0 : rnd.int(0, 3600_000)));
      stageChanges.push({
        opportunityId: id,
        fromStageId: k === 0 ? null : path[k - 1].id,
        toStageId: s.id,
        fromStatus: k === 0 ? null : path[k - 1].type,
        toStatus: s.type,
        changedAt: at,
        changedById: ownerId,
      });
      stageChangedAt = at;
    });

    const indexes = byStage.get(stage.id) ?? [];
    indexes.push(opportunities.length);
    byStage.set(stage.id, indexes);
    const exchangeRate = rate.get(currencyCode)!;
    opportunities.push({
      id,
      title: uniqueTitle(`${account.name} ${rnd.pick(data.DEAL_NOUNS)}`),
      description: rnd.chance(0.5) ? `Opportunity with ${account.name}: ${account.industry?.toLowerCase()} team, ${account.segment} segment.` : null,
      pipelineId: pipeline.id,
      stageId: stage.id,
      rank: "",
      status: odds.status,
      probability: odds.probability,
      forecastCategory: odds.forecastCategory,
      amount,
      currencyCode,
      exchangeRate,
      baseAmount: toBaseAmount(amount, exchangeRate),
      oneTimeAmount,
      recurringAmount,
      contractMonths,
      expectedCloseDate: utcDay(expected),
      actualCloseDate: actualClose ? utcDay(actualClose) : null,
      stageChangedAt,
      statusChangedAt: stageChangedAt,
      createdAt,
      ownerId,
      createdById: ownerId,
      accountId: account.id,
      sourceId: rnd.pick(sources).id,
      typeId: pipeline.name === "Renewals" ? types.find((t) => t.name === "Renewal")!.id : rnd.pick(types).id,
      labels: rnd.chance(0.25) ? [rnd.pick(["HOT", "PRIORITY", "STALLED"])] : [],
      rating: rnd.chance(0.7) ? rnd.int(1, 5) : null,
      lostReasonId: stage.type === "LOST" ? rnd.pick(lostReasons).id : null,
      competitor: stage.type === "LOST" && rnd.chance(0.5) ? rnd.pick(["Salesforce", "HubSpot", "Pipedrive", "Zoho"]) : null,
      isPrivate: rnd.chance(0.12),
      customFields: rnd.chance(0.4) ? { nextStep: "Follow-up call", decisionProcess: rnd.pick(["Single buyer", "Committee", "Procurement"]) } : {},
      utmSource: rnd.chance(0.2) ? "newsletter" : null,
      version: path.length,
    });
    if (account.contacts.length > 0) {
      account.contacts.forEach((c, k) => contacts.push({ opportunityId: id, contactId: c.id, isPrimary: k === 0 }));
    }
    // Colleagues work together on public deals; private ones stay with the owner (and the manager).
    const isPrivate = opportunities[opportunities.length - 1].isPrivate;
    if (!isPrivate && rnd.chance(0.2)) {
      members.push({ opportunityId: id, userId: ownerId === people.alice.id ? people.bob.id : people.alice.id });
    } else if (isPrivate && ownerId !== people.manager.id) {
      members.push({ opportunityId: id, userId: people.manager.id });
    }
  }

  for (const indexes of byStage.values()) {
    const ranks = ranksForCount(indexes.length);
    indexes.forEach((index, k) => (opportunities[index].rank = ranks[k]));
  }

  await prisma.$transaction([
    prisma.opportunity.createMany({ data: opportunities }),
    prisma.lineItem.createMany({ data: lineItems }),
    prisma.stageChange.createMany({ data: stageChanges }),
    prisma.opportunityContact.createMany({ data: contacts }),
    prisma.opportunityMember.createMany({ data: members }),
  ]);
  return opportunities.length;
}
