// The feed's promise, with concurrent writers: a client that follows it from
// the start, as a salesperson, ends with exactly the opportunities (and each
// one's latest state) that a full list gives that salesperson, although
// creations, edits, moves, privacy and member changes and deletions by four
// users ran at the same time as its reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { readFeed } from "@/lib/server/events/feed";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { listOpportunitiesForApi } from "@/lib/server/opportunities/list/api-list";
import type { OpportunityDto } from "@/lib/server/opportunities/read/dto";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { demoActors } from "../support/demo-actors";
import { waitForHorizon } from "../support/outbox";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";
import { seededRandom as random } from "../support/seeded-random";

/** A follower of the feed: keeps each opportunity's newest state, drops it on a tombstone. */
class Follower {
  readonly deals = new Map<string, OpportunityDto>();
  cursor: string | undefined;
  constructor(private readonly reader: Actor) {}

  async poll(): Promise<number> {
    let read = 0;
    for (;;) {
      const page = await readFeed(this.reader, { after: this.cursor, types: ["opportunity.*"], limit: 50 });
      for (const e of page.data) {
        if (e.data) {
          const dto = e.data as unknown as OpportunityDto;
          const known = this.deals.get(dto.id);
          if (!known || known.version <= dto.version) this.deals.set(dto.id, dto);
        } else {
          this.deals.delete(e.record.id); // deleted, or hidden from this reader
        }
      }
      read += page.data.length;
      this.cursor = page.nextCursor;
      if (!page.hasMore) return read;
    }
  }
}

describe.each(availableKinds())("following the feed on %s", (kind) => {
  let t: TestDatabase;
  let actors: Record<"admin" | "manager" | "alice" | "bob", Actor>;
  let stageIds: string[];

  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    // From the start: no deal exists before the first event (the demo data writes none).
    await t.db.query(`DELETE FROM "Opportunity"`, []);
    actors = await demoActors(t.db);
    const sales = await t.db.prisma.pipeline.findFirstOrThrow({ where: { name: "Sales" }, include: { stages: { where: { type: "OPEN" } } } });
    stageIds = sales.stages.map((s) => s.id);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  async function writer(actor: Actor, seed: number, steps: number, mine: string[]) {
    const pick = random(seed);
    for (let i = 0; i < steps; i++) {
      const choice = pick(10);
      const id = mine.length ? mine[pick(mine.length)] : null;
      try {
        if (!id || choice < 3) {
          const o = await createOpportunity(actor, {
            title: `${actor.name} ${seed}-${i}`,
            stageId: stageIds[pick(stageIds.length)],
            isPrivate: pick(3) === 0,
            memberIds: pick(2) === 0 && actor.id !== actors.bob.id ? [actors.bob.id] : [],
          });
          mine.push(o.id);
        } else if (choice < 5) await updateOpportunity(actor, id, { title: `edit ${seed}-${i}`, amount: `${pick(10_000)}.00` });
        else if (choice < 7) await moveOpportunity(actor, { opportunityId: id, stageId: stageIds[pick(stageIds.length)] });
        else if (choice === 7) await updateOpportunity(actor, id, { isPrivate: pick(2) === 0 });
        else if (choice === 8) await updateOpportunity(actor, id, { memberIds: pick(2) === 0 ? [actors.bob.id] : [] });
        else {
          await deleteOpportunity(actor, id);
          mine.splice(mine.indexOf(id), 1);
        }
      } catch (error) {
        // Only refusals the rules allow (a member list naming the owner, a concurrent change): never a lost write.
        if (!(error as { code?: string }).code) throw error;
      }
    }
  }

  it("reconstructs the same opportunities as a full list, for a salesperson who may not see everything", async () => {
    const follower = new Follower(actors.bob);
    let writing = true;
    const following = (async () => {
      while (writing) {
        await follower.poll();
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const steps = kind === "pglite" ? 25 : 40;
    await Promise.all([
      writer(actors.alice, 1, steps, []),
      writer(actors.bob, 2, steps, []),
      writer(actors.manager, 3, steps, []),
      writer(actors.admin, 4, steps, []),
    ]);
    writing = false;
    await following;
    await waitForHorizon(t);
    await follower.poll();

    const { rows } = await listOpportunitiesForApi(actors.bob, {}, { field: "createdAt", dir: "asc" }, { skip: 0, take: 10_000 });
    const listed = new Map(rows.map((r) => [r.id, r]));
    expect(listed.size).toBeGreaterThan(10);
    expect([...follower.deals.keys()].sort()).toEqual([...listed.keys()].sort());
    for (const [id, dto] of listed) expect(follower.deals.get(id)).toEqual(dto);
    // Bob never saw a deal he may not see, and the run did hide some from him.
    const hidden = await t.db.prisma.opportunity.count({ where: { isPrivate: true, ownerId: { not: actors.bob.id }, members: { none: { userId: actors.bob.id } } } });
    expect(hidden).toBeGreaterThan(0);
  });
});
