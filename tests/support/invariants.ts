// The rules the stored data must satisfy whatever clients sent: checked on the
// database after a fuzz run (and usable after any test). Each check returns
// readable violations; an empty list means the data is whole.
import type { Database } from "@/lib/db";
import { dealAmount } from "@/lib/domain/deal-amount";
import { amountsFromLines, lineTotal } from "@/lib/domain/line-items";
import { toBaseAmount } from "@/lib/domain/money";

/** Opportunity id -> version, to prove versions only grow. */
export type VersionSnapshot = Map<string, number>;

type Check = (db: Database, before?: VersionSnapshot) => Promise<string[]>;

const money = (v: { toFixed(n: number): string }) => v.toFixed(2);

/** amount and recurringAmount follow the line items; every line's total follows its fields. */
const amountsFollowLineItems: Check = async (db) => {
  const rows = await db.prisma.opportunity.findMany({
    where: { lineItems: { some: {} } },
    select: { id: true, amount: true, oneTimeAmount: true, recurringAmount: true, contractMonths: true, lineItems: true },
  });
  const out: string[] = [];
  for (const o of rows) {
    const lines = o.lineItems.map((l) => ({ quantity: l.quantity.toString(), unitPrice: l.unitPrice.toString(), discountPercent: l.discountPercent.toString(), billing: l.billing }));
    for (const [i, l] of lines.entries()) {
      if (lineTotal(l).toFixed(2) !== money(o.lineItems[i].total)) out.push(`line item ${o.lineItems[i].id}: total ${money(o.lineItems[i].total)} != ${lineTotal(l).toFixed(2)}`);
    }
    const derived = amountsFromLines(lines, o.contractMonths);
    if (derived.amount !== money(o.amount)) out.push(`opportunity ${o.id}: amount ${money(o.amount)} but its line items make ${derived.amount}`);
    if (derived.recurringAmount !== money(o.recurringAmount)) out.push(`opportunity ${o.id}: recurringAmount ${money(o.recurringAmount)} but its line items make ${derived.recurringAmount}`);
    if (derived.oneTimeAmount !== money(o.oneTimeAmount)) out.push(`opportunity ${o.id}: oneTimeAmount ${money(o.oneTimeAmount)} but its line items make ${derived.oneTimeAmount}`);
  }
  return out;
};

/** amount = one-time + recurring x months (at least 1), with or without lines. */
const amountIsOneTimePlusRecurring: Check = async (db) => {
  const rows = await db.prisma.opportunity.findMany({ select: { id: true, amount: true, oneTimeAmount: true, recurringAmount: true, contractMonths: true } });
  return rows
    .filter((o) => dealAmount(o.oneTimeAmount.toString(), o.recurringAmount.toString(), o.contractMonths) !== money(o.amount))
    .map((o) => `opportunity ${o.id}: amount ${money(o.amount)} != ${money(o.oneTimeAmount)} + ${money(o.recurringAmount)} x ${o.contractMonths ?? 1}`);
};

const baseAmountFollowsRate: Check = async (db) => {
  const rows = await db.prisma.opportunity.findMany({ select: { id: true, amount: true, exchangeRate: true, baseAmount: true } });
  return rows
    .filter((o) => toBaseAmount(o.amount.toString(), o.exchangeRate.toString()) !== money(o.baseAmount))
    .map((o) => `opportunity ${o.id}: baseAmount ${money(o.baseAmount)} != ${o.amount} x ${o.exchangeRate}`);
};

const pipelinesHaveOpenWonLost: Check = async (db) => {
  const rows = await db.prisma.$queryRaw<{ id: string; open: bigint; won: bigint; lost: bigint }[]>`
    SELECT p."id", count(*) FILTER (WHERE s."type" = 'OPEN') AS open, count(*) FILTER (WHERE s."type" = 'WON') AS won, count(*) FILTER (WHERE s."type" = 'LOST') AS lost
    FROM "Pipeline" p LEFT JOIN "Stage" s ON s."pipelineId" = p."id" GROUP BY p."id"`;
  return rows.filter((r) => !(r.open > 0n && r.won > 0n && r.lost > 0n)).map((r) => `pipeline ${r.id}: ${r.open} open, ${r.won} won, ${r.lost} lost stages`);
};

const oneDefaultPipelineOneBaseCurrency: Check = async (db) => {
  const [p] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Pipeline" WHERE "isDefault" AND NOT "isArchived"`;
  const [d] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Pipeline" WHERE "isDefault"`;
  const [c] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Currency" WHERE "isBase"`;
  const out: string[] = [];
  if (p.n !== 1n || d.n !== 1n) out.push(`${d.n} default pipelines (${p.n} not archived); exactly one, not archived, expected`);
  if (c.n !== 1n) out.push(`${c.n} base currencies; exactly one expected`);
  return out;
};

/** Sequential writes never tie: two cards of a column with one key would depend on the id tie-break. */
const rankKeysUniquePerColumn: Check = async (db) => {
  const rows = await db.prisma.$queryRaw<{ stageId: string; rank: string; n: bigint }[]>`
    SELECT "stageId", "rank", count(*) AS n FROM "Opportunity" GROUP BY "stageId", "rank" HAVING count(*) > 1`;
  return rows.map((r) => `stage ${r.stageId}: ${r.n} cards share the rank key "${r.rank}"`);
};

/** Status, odds and close date follow the stage; the stage belongs to the opportunity's pipeline. */
const opportunitiesFollowTheirStage: Check = async (db) => {
  const rows = await db.prisma.$queryRaw<{ id: string; problem: string }[]>`
    SELECT o."id", CASE
      WHEN s."pipelineId" <> o."pipelineId" THEN 'its stage is in another pipeline'
      WHEN o."status"::text <> s."type"::text THEN 'status ' || o."status" || ' in a ' || s."type" || ' stage'
      WHEN o."status" = 'WON' AND (o."probability" <> 100 OR o."forecastCategory" <> 'CLOSED') THEN 'won but probability ' || o."probability" || ' / ' || o."forecastCategory"
      WHEN o."status" = 'LOST' AND (o."probability" <> 0 OR o."forecastCategory" <> 'OMITTED') THEN 'lost but probability ' || o."probability" || ' / ' || o."forecastCategory"
      WHEN (o."status" = 'OPEN') <> (o."actualCloseDate" IS NULL) THEN 'status ' || o."status" || ' with actualCloseDate ' || coalesce(o."actualCloseDate"::text, 'null')
      WHEN o."probability" NOT BETWEEN 0 AND 100 THEN 'probability ' || o."probability"
      WHEN o."amount" < 0 OR o."recurringAmount" < 0 OR o."oneTimeAmount" < 0 THEN 'a negative amount'
      WHEN o."version" < 1 THEN 'version ' || o."version"
    END AS problem
    FROM "Opportunity" o JOIN "Stage" s ON s."id" = o."stageId"`;
  return rows.filter((r) => r.problem !== null).map((r) => `opportunity ${r.id}: ${r.problem}`);
};

const contactsHaveOnePrimary: Check = async (db) => {
  const rows = await db.prisma.$queryRaw<{ opportunityId: string; primaries: bigint }[]>`
    SELECT "opportunityId", count(*) FILTER (WHERE "isPrimary") AS primaries FROM "OpportunityContact" GROUP BY "opportunityId" HAVING count(*) FILTER (WHERE "isPrimary") <> 1`;
  return rows.map((r) => `opportunity ${r.opportunityId}: ${r.primaries} primary contacts`);
};

/** References the schema cannot enforce with a foreign key. */
const noOrphans: Check = async (db) => {
  const labels = await db.prisma.$queryRaw<{ id: string; label: string }[]>`
    SELECT o."id", l AS label FROM "Opportunity" o, unnest(o."labels") AS l WHERE NOT EXISTS (SELECT 1 FROM "Label" x WHERE x."key" = l)`;
  const fields = await db.prisma.$queryRaw<{ id: string; key: string }[]>`
    SELECT o."id", k AS key FROM "Opportunity" o, jsonb_object_keys(o."customFields") AS k WHERE NOT EXISTS (SELECT 1 FROM "CustomFieldDefinition" d WHERE d."key" = k)`;
  const replays = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT i."id" FROM "IdempotencyKey" i WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = i."userId")`;
  const notObjects = await db.prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Opportunity" WHERE jsonb_typeof("customFields") <> 'object'`;
  return [
    ...labels.map((r) => `opportunity ${r.id}: label "${r.label}" does not exist`),
    ...fields.map((r) => `opportunity ${r.id}: custom field "${r.key}" has no definition`),
    ...replays.map((r) => `idempotency record ${r.id}: its user does not exist`),
    ...notObjects.map((r) => `opportunity ${r.id}: customFields is not an object`),
  ];
};

const versionsOnlyGrow: Check = async (db, before) => {
  if (!before) return [];
  const rows = await db.prisma.opportunity.findMany({ select: { id: true, version: true } });
  return rows.filter((r) => before.has(r.id) && r.version < before.get(r.id)!).map((r) => `opportunity ${r.id}: version went from ${before.get(r.id)} down to ${r.version}`);
};

export const INVARIANTS: Record<string, Check> = {
  amountsFollowLineItems,
  amountIsOneTimePlusRecurring,
  baseAmountFollowsRate,
  pipelinesHaveOpenWonLost,
  oneDefaultPipelineOneBaseCurrency,
  rankKeysUniquePerColumn,
  opportunitiesFollowTheirStage,
  contactsHaveOnePrimary,
  noOrphans,
  versionsOnlyGrow,
};

/** Every violation of every invariant, prefixed with the invariant's name. */
export async function invariantViolations(db: Database, before?: VersionSnapshot): Promise<string[]> {
  const out: string[] = [];
  for (const [name, check] of Object.entries(INVARIANTS)) out.push(...(await check(db, before)).map((v) => `${name}: ${v}`));
  return out;
}

export async function versionSnapshot(db: Database): Promise<VersionSnapshot> {
  return new Map((await db.prisma.opportunity.findMany({ select: { id: true, version: true } })).map((r) => [r.id, r.version]));
}
