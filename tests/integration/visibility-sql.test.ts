// The SQL visibility fragment (for raw aggregates) and the Prisma where (for
// the client) must select exactly the same opportunities for every user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { hiddenOpportunityIdsSql, visibleOpportunities, visibleOpportunitiesSql } from "@/lib/server/visibility";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("visibility in SQL on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  async function actor(email: string): Promise<Actor> {
    const u = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, email: u.email, name: u.name, role: u.role };
  }

  async function both(a: Actor) {
    const viaPrisma = (await t.db.prisma.opportunity.findMany({ where: visibleOpportunities(a), select: { id: true } })).map((o) => o.id).sort();
    const rows = await t.db.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT o."id" FROM "Opportunity" o WHERE ${visibleOpportunitiesSql(a, "o")}`);
    // The hidden-ids form must select exactly the rest.
    const hidden = hiddenOpportunityIdsSql(a);
    const notHidden = await t.db.prisma.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT o."id" FROM "Opportunity" o${hidden ? Prisma.sql` WHERE o."id" NOT IN (${hidden})` : Prisma.empty}`,
    );
    return { viaPrisma, viaSql: rows.map((r) => r.id).sort(), viaHidden: notHidden.map((r) => r.id).sort() };
  }

  it.each(["alice@example.com", "bob@example.com", "manager@example.com", "admin@example.com"])("agrees with the Prisma rule for %s", async (email) => {
    const a = await actor(email);
    const { viaPrisma, viaSql, viaHidden } = await both(a);
    expect(viaSql).toEqual(viaPrisma);
    expect(viaHidden).toEqual(viaPrisma);
    const all = await t.db.prisma.opportunity.count();
    if (a.role === "SALES") expect(viaSql.length).toBeLessThan(all);
    else expect(viaSql.length).toBe(all);
  });

  it("lets a salesperson see a private deal they are a member of, and not one they are not", async () => {
    const alice = await actor("alice@example.com");
    const bob = await actor("bob@example.com");
    const bobsPrivate = await t.db.prisma.opportunity.findFirstOrThrow({ where: { ownerId: bob.id, isPrivate: true, members: { none: { userId: alice.id } } } });
    const before = await both(alice);
    expect(before.viaSql).not.toContain(bobsPrivate.id);
    expect(before.viaHidden).not.toContain(bobsPrivate.id);
    await t.db.prisma.opportunityMember.create({ data: { opportunityId: bobsPrivate.id, userId: alice.id } });
    const after = await both(alice);
    expect(after.viaSql).toContain(bobsPrivate.id);
    expect(after.viaSql).toEqual(after.viaPrisma);
    expect(after.viaHidden).toEqual(after.viaPrisma);
  });

  it("lets a salesperson see a private deal assigned to them, in all three forms, and not once unassigned", async () => {
    const alice = await actor("alice@example.com");
    const bob = await actor("bob@example.com");
    const other = await t.db.prisma.opportunity.findFirstOrThrow({ where: { ownerId: bob.id, isPrivate: true, members: { none: { userId: alice.id } } }, skip: 1 });
    expect((await both(alice)).viaSql).not.toContain(other.id);
    await t.db.prisma.opportunity.update({ where: { id: other.id }, data: { assigneeId: alice.id } });
    const assigned = await both(alice);
    expect(assigned.viaSql).toContain(other.id);
    expect(assigned.viaSql).toEqual(assigned.viaPrisma);
    expect(assigned.viaHidden).toEqual(assigned.viaPrisma);
    await t.db.prisma.opportunity.update({ where: { id: other.id }, data: { assigneeId: null } });
    const unassigned = await both(alice);
    expect(unassigned.viaSql).not.toContain(other.id);
    expect(unassigned.viaHidden).toEqual(unassigned.viaPrisma);
  });

  it("refuses an alias that is not a plain identifier", async () => {
    const alice = await actor("alice@example.com");
    expect(() => visibleOpportunitiesSql(alice, 'o"; DROP TABLE "User"; --')).toThrow(/Invalid SQL alias/);
  });
});
