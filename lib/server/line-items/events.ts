// The events of a line change (every one goes through lockForLineChange and
// finishLineChange): the deal's lines and state are taken when its row is
// locked, and compared when the change ends, in the same transaction. Each
// line created, changed (its position included) or deleted has its event,
// seen by who may see the deal; the deal's own change (amount, version) has
// its opportunity event.
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../auth/actor";
import { changeEvent, eventActor, recordEvents, type Audience } from "../events/write";
import { opportunitySnapshots, recordOpportunityChanges, type OpportunitySnapshot } from "../opportunities/events";
import { toLineItemDto, type LineItemDto } from "./dto";

type Tx = Prisma.TransactionClient;

export interface BeforeLineChange {
  deal: OpportunitySnapshot[];
  lines: LineItemDto[];
}

export async function beforeLineChange(tx: Tx, opportunityId: string): Promise<BeforeLineChange> {
  const [deal, lines] = await Promise.all([
    opportunitySnapshots(tx, [opportunityId]),
    tx.lineItem.findMany({ where: { opportunityId } }),
  ]);
  return { deal, lines: lines.map(toLineItemDto) };
}

const audienceOf = (deal: OpportunitySnapshot): Audience => (deal.isPrivate ? { isPrivate: true, visibleTo: deal.people } : { isPrivate: false, visibleTo: [] });

export async function recordLineChange(tx: Tx, actor: Actor, opportunityId: string, before: BeforeLineChange, after: LineItemDto[], at: Date): Promise<void> {
  const by = eventActor(actor);
  const audience = audienceOf(before.deal[0]);
  const old = new Map(before.lines.map((l) => [l.id, l]));
  const now = new Map(after.map((l) => [l.id, l]));
  const differs = (a: LineItemDto, b: LineItemDto) => JSON.stringify({ ...a, updatedAt: null }) !== JSON.stringify({ ...b, updatedAt: null });
  await recordEvents(tx, [
    ...after.filter((l) => !old.has(l.id)).map((l) => changeEvent("line_item", null, { ...l }, by, at, audience)),
    ...after.filter((l) => old.has(l.id) && differs(old.get(l.id)!, l)).map((l) => changeEvent("line_item", { ...old.get(l.id)! }, { ...l }, by, at, audience)),
    ...before.lines.filter((l) => !now.has(l.id)).map((l) => changeEvent("line_item", { ...l }, null, by, at, audience)),
  ]);
  await recordOpportunityChanges(tx, [opportunityId], before.deal, by, at);
}

/** The lines a deal was created with: one created event each (the deal's own event is written with it). */
export async function recordLinesCreated(tx: Tx, actor: Actor, opportunityId: string, at: Date): Promise<void> {
  const { deal, lines } = await beforeLineChange(tx, opportunityId);
  await recordEvents(tx, lines.map((l) => changeEvent("line_item", null, { ...l }, eventActor(actor), at, audienceOf(deal[0]))));
}
