// User administration (admins only; everyone reads the directory through
// directory.ts). The last active admin can never be demoted or
// deactivated: the check locks the admin rows so two admins demoting each
// other at the same moment cannot both succeed.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import type { reassignSchema, userActiveSchema, userCreateSchema, userIdSchema, userRoleSchema } from "@/lib/validation/users";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../../auth/password";
import { adminTransaction, assertAdmin, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, notFound, validationError } from "../errors";
import { isoTimestamp } from "../serialize";
import { endSessionsOf } from "../sessions/store";
import { eventActor } from "../events/write";
import { changingOpportunities } from "../opportunities/events";

/** A user as the admin screen shows them: with how many opportunities they own. */
export interface UserSettingsDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  openOpportunities: number;
  allOpportunities: number;
}

export async function listUserSettings(actor: Actor): Promise<UserSettingsDto[]> {
  assertAdmin(actor);
  const [users, all, open] = await Promise.all([
    prisma().user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] }),
    prisma().opportunity.groupBy({ by: ["ownerId"], _count: { _all: true } }),
    prisma().opportunity.groupBy({ by: ["ownerId"], where: { status: "OPEN" }, _count: { _all: true } }),
  ]);
  const allOf = new Map(all.map((c) => [c.ownerId, c._count._all]));
  const openOf = new Map(open.map((c) => [c.ownerId, c._count._all]));
  return users.map((u) => ({
    id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: isoTimestamp(u.createdAt)!,
    openOpportunities: openOf.get(u.id) ?? 0, allOpportunities: allOf.get(u.id) ?? 0,
  }));
}

/** A readable one-time password: 20 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

async function loadUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  return user;
}

/** Refuses when `userId` is the only active admin left. Locks the admin rows first. */
async function keepOneAdmin(tx: Tx, userId: string, field: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (admins.length === 1 && admins[0].id === userId) {
    throw new AppError("CONFLICT", "This is the last active admin; make another user an admin first", { [field]: "The last active admin must stay an active admin" });
  }
}

export function createUser(actor: Actor, input: z.output<typeof userCreateSchema>) {
  return adminTransaction(actor, async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "A user with this email already exists", { email: "Already used by another user" });
    }
    const password = input.password || generatePassword();
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(password) } });
    await writeAudit(tx, actor, { action: "user.create", entity: "User", entityId: user.id, after: { email: user.email, name: user.name, role: user.role } });
    // The password is returned once, to be handed over; only its hash is stored.
    return { id: user.id, email: user.email, password };
  });
}

export function changeRole(actor: Actor, input: z.output<typeof userRoleSchema>) {
  return adminTransaction(actor, async (tx) => {
    const user = await loadUser(tx, input.id);
    if (user.role === "ADMIN" && input.role !== "ADMIN" && user.active) await keepOneAdmin(tx, user.id, "role");
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    // Sessions were opened under the old role: they end, and the user signs in again.
    if (input.role !== user.role) await endSessionsOf(tx, user.id);
    await writeAudit(tx, actor, { action: "user.role", entity: "User", entityId: user.id, before: { role: user.role }, after: { role: input.role } });
    return { id: user.id };
  });
}

/** Deactivation locks the user out at once: their sessions end, and API keys re-check `active` on every request. */
export function setUserActive(actor: Actor, input: z.output<typeof userActiveSchema>) {
  return adminTransaction(actor, async (tx) => {
    const user = await loadUser(tx, input.id);
    if (!input.active) {
      if (user.id === actor.id) throw validationError({ active: "You cannot deactivate yourself" }, "You cannot deactivate yourself");
      if (user.role === "ADMIN" && user.active) await keepOneAdmin(tx, user.id, "active");
    }
    await tx.user.update({ where: { id: user.id }, data: { active: input.active } });
    if (!input.active) await endSessionsOf(tx, user.id);
    await writeAudit(tx, actor, { action: input.active ? "user.activate" : "user.deactivate", entity: "User", entityId: user.id, before: { active: user.active }, after: { active: input.active } });
    return { id: user.id };
  });
}

export function resetPassword(actor: Actor, input: z.output<typeof userIdSchema>) {
  return adminTransaction(actor, async (tx) => {
    const user = await loadUser(tx, input.id);
    const password = generatePassword();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    await endSessionsOf(tx, user.id);
    await writeAudit(tx, actor, { action: "user.resetPassword", entity: "User", entityId: user.id });
    return { id: user.id, email: user.email, password };
  });
}

/** Hands a user's opportunities to another active user, recording the owner change on each. */
export function reassignOpportunities(actor: Actor, input: z.output<typeof reassignSchema>) {
  return adminTransaction(actor, async (tx) => {
    if (input.fromUserId === input.toUserId) throw validationError({ toUserId: "Choose a different user" });
    const from = await loadUser(tx, input.fromUserId);
    const to = await loadUser(tx, input.toUserId);
    if (!to.active) throw validationError({ toUserId: "Choose an active user" });
    const where = { ownerId: from.id, ...(input.onlyOpen ? { status: "OPEN" as const } : {}) };
    const ids = (await tx.opportunity.findMany({ where, select: { id: true } })).map((o) => o.id);
    if (ids.length) {
      await changingOpportunities(tx, ids, eventActor(actor), new Date(), async () => {
        await tx.opportunity.updateMany({ where: { id: { in: ids } }, data: { ownerId: to.id, version: { increment: 1 } } });
        await tx.opportunityFieldChange.createMany({
          data: ids.map((opportunityId) => ({ opportunityId, field: "ownerId", oldValue: from.id, newValue: to.id, changedById: actor.id })),
        });
      });
    }
    await writeAudit(tx, actor, { action: "user.reassign", entity: "User", entityId: from.id, after: { toUserId: to.id, onlyOpen: input.onlyOpen, opportunities: ids.length } });
    return { moved: ids.length };
  });
}
