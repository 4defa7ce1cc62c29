// The admin-editable lists behind the forms: sources, opportunity types, lost
// reasons (rows with ids) and labels (rows keyed by a stable key stored on
// opportunities). Items in use are deactivated, never deleted: old deals keep
// them; only a lost reason that no opportunity names may be deleted (API).
// Each change `foo(actor, input)` runs in its own admin transaction; `fooIn(tx, actor,
// input)` is the same change inside a caller's one (the API's PATCH combines several).
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { isPermutation } from "@/lib/domain/pipeline-rules";
import type { ListKind, listActiveSchema, listItemCreateSchema, listItemRenameSchema, listReorderSchema } from "@/lib/validation/settings-lists";
import type { Actor } from "../auth/actor";
import { AppError, notFound, validationError } from "../errors";
import { adminTransaction, assertAdmin, type Tx } from "./admin";
import { writeAudit } from "./audit";

export interface ListItemDto {
  id: string;
  name: string;
  color: string | null;
  position: number;
  active: boolean;
}

export type ListsDto = Record<ListKind, ListItemDto[]>;

const ENTITY: Record<ListKind, string> = { source: "Source", type: "OpportunityType", lostReason: "LostReason", label: "Label" };

interface Row { id: string; name: string; color: string | null; position: number; active: boolean }

/** One shape over the four tables; labels use their key as id. */
async function rows(tx: Tx, kind: ListKind): Promise<Row[]> {
  const order = [{ position: "asc" as const }, { name: "asc" as const }];
  switch (kind) {
    case "source":
      return (await tx.source.findMany({ orderBy: order })).map((r) => ({ ...r, color: null }));
    case "type":
      return (await tx.opportunityType.findMany({ orderBy: order })).map((r) => ({ ...r, color: null }));
    case "lostReason":
      return (await tx.lostReason.findMany({ orderBy: order })).map((r) => ({ ...r, color: null }));
    case "label":
      return (await tx.label.findMany({ orderBy: order })).map((r) => ({ ...r, id: r.key }));
  }
}

async function write(tx: Tx, kind: ListKind, id: string, data: { name?: string; position?: number; active?: boolean; color?: string }) {
  const { color, ...plain } = data;
  switch (kind) {
    case "source":
      return tx.source.update({ where: { id }, data: plain });
    case "type":
      return tx.opportunityType.update({ where: { id }, data: plain });
    case "lostReason":
      return tx.lostReason.update({ where: { id }, data: plain });
    case "label":
      return tx.label.update({ where: { key: id }, data: color ? { ...plain, color } : plain });
  }
}

export async function listLists(actor: Actor): Promise<ListsDto> {
  assertAdmin(actor);
  const p = prisma() as unknown as Tx;
  const [source, type, lostReason, label] = await Promise.all([rows(p, "source"), rows(p, "type"), rows(p, "lostReason"), rows(p, "label")]);
  return { source, type, lostReason, label };
}

/** A label key from its name: HOT, KEY_ACCOUNT, ... */
export function labelKey(name: string): string {
  const key = name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "").toUpperCase().slice(0, 40);
  return key || "LABEL";
}

export function createListItem(actor: Actor, input: z.output<typeof listItemCreateSchema>) {
  return adminTransaction(actor, (tx) => createListItemIn(tx, actor, input));
}

export async function createListItemIn(tx: Tx, actor: Actor, input: z.output<typeof listItemCreateSchema>) {
  assertAdmin(actor);
  const existing = await rows(tx, input.kind);
  if (existing.some((r) => r.name.toLowerCase() === input.name.toLowerCase())) {
    throw new AppError("CONFLICT", "This name is already in the list", { name: "Already in the list" });
  }
  const position = existing.length;
  let id: string;
  if (input.kind === "label") {
    id = labelKey(input.name);
    if (existing.some((r) => r.id === id)) throw new AppError("CONFLICT", "A label with this key exists", { name: `The key ${id} is taken` });
    await tx.label.create({ data: { key: id, name: input.name, position, ...(input.color ? { color: input.color } : {}) } });
  } else {
    const data = { name: input.name, position };
    const created = input.kind === "source" ? await tx.source.create({ data })
      : input.kind === "type" ? await tx.opportunityType.create({ data })
      : await tx.lostReason.create({ data });
    id = created.id;
  }
  await writeAudit(tx, actor, { action: `${input.kind}.create`, entity: ENTITY[input.kind], entityId: id, after: { name: input.name, color: input.color ?? null } });
  return { id };
}

export function renameListItem(actor: Actor, input: z.output<typeof listItemRenameSchema>) {
  return adminTransaction(actor, (tx) => renameListItemIn(tx, actor, input));
}

export async function renameListItemIn(tx: Tx, actor: Actor, input: z.output<typeof listItemRenameSchema>) {
  assertAdmin(actor);
  const existing = await rows(tx, input.kind);
  const before = existing.find((r) => r.id === input.id);
  if (!before) throw notFound("List item");
  if (existing.some((r) => r.id !== input.id && r.name.toLowerCase() === input.name.toLowerCase())) {
    throw new AppError("CONFLICT", "This name is already in the list", { name: "Already in the list" });
  }
  await write(tx, input.kind, input.id, { name: input.name, ...(input.color ? { color: input.color } : {}) });
  await writeAudit(tx, actor, { action: `${input.kind}.rename`, entity: ENTITY[input.kind], entityId: input.id, before: { name: before.name, color: before.color }, after: { name: input.name, color: input.color ?? before.color } });
  return { id: input.id };
}

export function reorderList(actor: Actor, input: z.output<typeof listReorderSchema>) {
  return adminTransaction(actor, (tx) => reorderListIn(tx, actor, input));
}

export async function reorderListIn(tx: Tx, actor: Actor, input: z.output<typeof listReorderSchema>) {
  assertAdmin(actor);
  const existing = await rows(tx, input.kind);
  if (!isPermutation(existing.map((r) => r.id), input.ids)) throw validationError({ ids: "The list changed meanwhile; reload and try again" });
  for (const [i, id] of input.ids.entries()) await write(tx, input.kind, id, { position: i });
  await writeAudit(tx, actor, { action: `${input.kind}.reorder`, entity: ENTITY[input.kind], before: existing.map((r) => r.name), after: input.ids.map((id) => existing.find((r) => r.id === id)!.name) });
  return { ids: input.ids };
}

export function setListItemActive(actor: Actor, input: z.output<typeof listActiveSchema>) {
  return adminTransaction(actor, (tx) => setListItemActiveIn(tx, actor, input));
}

export async function setListItemActiveIn(tx: Tx, actor: Actor, input: z.output<typeof listActiveSchema>) {
  assertAdmin(actor);
  const before = (await rows(tx, input.kind)).find((r) => r.id === input.id);
  if (!before) throw notFound("List item");
  await write(tx, input.kind, input.id, { active: input.active });
  await writeAudit(tx, actor, { action: `${input.kind}.${input.active ? "activate" : "deactivate"}`, entity: ENTITY[input.kind], entityId: input.id, before: { active: before.active }, after: { active: input.active } });
  return { id: input.id };
}

/** Deletes a lost reason no opportunity names; one in use is a CONFLICT (deactivate it instead). */
export function deleteLostReason(actor: Actor, input: { id: string }) {
  return adminTransaction(actor, async (tx) => {
    const reason = await tx.lostReason.findUnique({ where: { id: input.id } });
    if (!reason) throw notFound("Lost reason");
    const used = await tx.opportunity.count({ where: { lostReasonId: reason.id } });
    if (used > 0) {
      throw new AppError("CONFLICT", `${used} opportunities were lost for this reason; deactivate it instead (active: false) so that they keep it`);
    }
    await tx.lostReason.delete({ where: { id: reason.id } });
    const rest = await rows(tx, "lostReason");
    for (const [i, r] of rest.entries()) if (r.position !== i) await write(tx, "lostReason", r.id, { position: i });
    await writeAudit(tx, actor, { action: "lostReason.delete", entity: ENTITY.lostReason, entityId: reason.id, before: { name: reason.name, active: reason.active } });
    return { id: reason.id, deleted: true as const };
  });
}

/** Active lost reasons, for choosing one when a move closes deals as lost. */
export async function activeLostReasons(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertAdmin(actor);
  return prisma().lostReason.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
