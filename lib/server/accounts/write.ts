// Creating, editing and deleting accounts. Any team member may create and
// edit accounts; deleting is for the account's owner, managers and admins,
// and never leaves an opportunity or contact pointing at nothing.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { AccountCreateInput, AccountUpdateInput } from "@/lib/validation/account";
import { seesEverything, type Actor } from "../auth/actor";
import { uniqueFieldConflict } from "../error-mapping";
import { AppError, forbidden, notFound } from "../errors";
import { changeEvent, eventActor, recordEvents } from "../events/write";
import { changingOpportunities } from "../opportunities/events";
import { lockUnchanged } from "../row-lock";
import { opportunityUsage, type OpportunityUsage } from "../usage-count";
import { deleteWhatOnlyLinksTo } from "../activities/record-deleted";
import { toContactDto } from "../contacts/dto";
import { toAccountDto, type AccountDto } from "./dto";

type Tx = Prisma.TransactionClient;

const DUPLICATE_EXTERNAL_ID = "Another account already uses this external id";
/** An external id taken by another account (unique index) is a CONFLICT naming the field. */
const externalIdClash = (error: unknown) => {
  throw uniqueFieldConflict(error, "externalId", DUPLICATE_EXTERNAL_ID) ?? error;
};

async function checkOwner(tx: Tx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await tx.user.count({ where: { id: ownerId, active: true } }))) throw new AppError("VALIDATION", "Unknown owner", { ownerId: "Choose an active user as owner" });
}

export async function createAccount(actor: Actor, input: AccountCreateInput): Promise<AccountDto> {
  return prisma().$transaction(async (tx) => {
    await checkOwner(tx, input.ownerId);
    const data: Prisma.AccountUncheckedCreateInput = { name: input.name, ownerId: input.ownerId === undefined ? actor.id : input.ownerId };
    for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== "ownerId") (data as Record<string, unknown>)[k] = v;
    const created = toAccountDto(await tx.account.create({ data }));
    await recordEvents(tx, [changeEvent("account", null, { ...created }, eventActor(actor), new Date(created.updatedAt))]);
    return created;
  }).catch(externalIdClash);
}

/** `expected`: the updatedAt the client read (API); a stale one is a CONFLICT and changes nothing. */
export async function updateAccount(actor: Actor, id: string, input: AccountUpdateInput, expected: Date | null = null): Promise<AccountDto> {
  return prisma().$transaction(async (tx) => {
    await lockUnchanged(tx, "Account", id, expected);
    await checkOwner(tx, input.ownerId);
    const before = toAccountDto(await tx.account.findUniqueOrThrow({ where: { id } }));
    const data: Prisma.AccountUncheckedUpdateInput = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined) (data as Record<string, unknown>)[k] = v;
    const after = toAccountDto(await tx.account.update({ where: { id }, data }));
    await recordEvents(tx, [changeEvent("account", { ...before }, { ...after }, eventActor(actor), new Date(after.updatedAt))]);
    return after;
  }).catch(externalIdClash);
}

/** What deleting would touch, to ask the user what to do: contacts (shared) and the opportunities the actor may see. */
export async function accountUsage(actor: Actor, id: string): Promise<OpportunityUsage & { contacts: number }> {
  const [usage, contacts] = await Promise.all([opportunityUsage(actor, { accountId: id }), prisma().contact.count({ where: { accountId: id } })]);
  return { ...usage, contacts };
}

/** Without a strategy (API), an account that opportunities or contacts use is a CONFLICT. */
export async function deleteAccount(
  actor: Actor,
  input: { id: string; strategy?: "detach" | "reassign" | undefined; targetAccountId?: string | undefined },
  expected: Date | null = null,
): Promise<{ id: string; deleted: true; moved: number }> {
  return prisma().$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: input.id }, select: { ownerId: true } });
    if (!account) throw notFound("Account");
    if (!seesEverything(actor) && account.ownerId !== actor.id) throw forbidden("Only the account's owner, managers and admins can delete it");
    await lockUnchanged(tx, "Account", input.id, expected);
    if (!input.strategy) {
      const opportunities = await tx.opportunity.count({ where: { accountId: input.id } });
      const contacts = await tx.contact.count({ where: { accountId: input.id } });
      if (opportunities + contacts > 0) {
        throw new AppError("CONFLICT", `${opportunities} opportunities and ${contacts} contacts belong to this account; say what happens to them (strategy detach, or reassign with targetAccountId)`, {
          strategy: "Choose detach or reassign",
        });
      }
    }
    let target: string | null = null;
    if (input.strategy === "reassign") {
      if (!input.targetAccountId || input.targetAccountId === input.id || !(await tx.account.count({ where: { id: input.targetAccountId } }))) {
        throw new AppError("VALIDATION", "Choose another existing account", { targetAccountId: "Choose another existing account" });
      }
      target = input.targetAccountId;
    }
    // Every opportunity moves, private ones included: otherwise they would point at a deleted account.
    // Each moved deal and contact gets its event, and the account its tombstone.
    const now = new Date();
    const by = eventActor(actor);
    const dealIds = (await tx.opportunity.findMany({ where: { accountId: input.id }, select: { id: true } })).map((o) => o.id);
    const moved = await changingOpportunities(tx, dealIds, by, now, () =>
      tx.opportunity.updateMany({ where: { id: { in: dealIds } }, data: { accountId: target, version: { increment: 1 } } }),
    );
    const contacts = await tx.contact.findMany({ where: { accountId: input.id } });
    await tx.contact.updateMany({ where: { id: { in: contacts.map((c) => c.id) } }, data: { accountId: target, updatedAt: now } });
    const gone = await tx.account.findUniqueOrThrow({ where: { id: input.id } });
    await deleteWhatOnlyLinksTo(tx, actor, { accountId: input.id }, now);
    await tx.account.delete({ where: { id: input.id } });
    await recordEvents(tx, [
      ...contacts.map((c) => changeEvent("contact", { ...toContactDto(c) }, { ...toContactDto({ ...c, accountId: target, updatedAt: now }) }, by, now)),
      changeEvent("account", { ...toAccountDto(gone) }, null, by, now),
    ]);
    return { id: input.id, deleted: true as const, moved: moved.count };
  });
}
