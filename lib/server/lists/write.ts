// Changing the admin-edited lists (admins only), for the settings screen and
// the REST API's lost reasons alike, each change in one transaction, audited.
// Items in use are deactivated, never deleted: old deals keep them; only a lost
// reason that no opportunity names may be deleted (API). Lost reasons carry no
// updatedAt: the changes a PATCH sends simply apply (last write wins).
import { isPermutation, movedTo } from "@/lib/domain/pipeline-rules";
import type { ListItemCreateInput, ListItemPatch, ListKind } from "@/lib/validation/lists";
import type { Actor } from "../auth/actor";
import { adminTransaction, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, notFound, validationError } from "../errors";
import { ENTITY, NOUN, listRows, toListItemDto, writeRow, type ListItemDto } from "./items";

/** A label key from its name: HOT, KEY_ACCOUNT, ... */
export function labelKey(name: string): string {
  const key = name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "").toUpperCase().slice(0, 40);
  return key || "LABEL";
}

const nameTaken = () => new AppError("CONFLICT", "This name is already in the list", { name: "Already in the list" });

async function itemOf(tx: Tx, kind: ListKind, id: string): Promise<ListItemDto> {
  const row = (await listRows(tx, kind)).find((r) => r.id === id);
  if (!row) throw notFound(NOUN[kind]);
  return toListItemDto(row);
}

/** Added at the end of its list; names are unique in a list, case-insensitively (CONFLICT). */
export function createListItem(actor: Actor, kind: ListKind, input: ListItemCreateInput): Promise<ListItemDto> {
  return adminTransaction(actor, async (tx) => {
    const existing = await listRows(tx, kind);
    if (existing.some((r) => r.name.toLowerCase() === input.name.toLowerCase())) throw nameTaken();
    const position = existing.length;
    let id: string;
    if (kind === "label") {
      id = labelKey(input.name);
      if (existing.some((r) => r.id === id)) throw new AppError("CONFLICT", "A label with this key exists", { name: `The key ${id} is taken` });
      await tx.label.create({ data: { key: id, name: input.name, position, ...(input.color ? { color: input.color } : {}) } });
    } else {
      const data = { name: input.name, position };
      const created = kind === "source" ? await tx.source.create({ data })
        : kind === "type" ? await tx.opportunityType.create({ data })
        : await tx.lostReason.create({ data });
      id = created.id;
    }
    await writeAudit(tx, actor, { action: `${kind}.create`, entity: ENTITY[kind], entityId: id, after: { name: input.name, color: input.color ?? null } });
    return itemOf(tx, kind, id);
  });
}

async function rename(tx: Tx, actor: Actor, kind: ListKind, before: ListItemDto, name: string, color: string | undefined) {
  if ((await listRows(tx, kind)).some((r) => r.id !== before.id && r.name.toLowerCase() === name.toLowerCase())) throw nameTaken();
  await writeRow(tx, kind, before.id, { name, ...(color ? { color } : {}) });
  const beforeColor = before.color ?? null;
  await writeAudit(tx, actor, { action: `${kind}.rename`, entity: ENTITY[kind], entityId: before.id, before: { name: before.name, color: beforeColor }, after: { name, color: color ?? beforeColor } });
}

async function setActive(tx: Tx, actor: Actor, kind: ListKind, before: ListItemDto, active: boolean) {
  await writeRow(tx, kind, before.id, { active });
  await writeAudit(tx, actor, { action: `${kind}.${active ? "activate" : "deactivate"}`, entity: ENTITY[kind], entityId: before.id, before: { active: before.active }, after: { active } });
}

/** PATCH: rename (a label may change color), deactivate or reactivate, move; fields not sent stay as they are. */
export function updateListItem(actor: Actor, kind: ListKind, id: string, patch: ListItemPatch): Promise<ListItemDto> {
  return adminTransaction(actor, async (tx) => {
    const current = await itemOf(tx, kind, id);
    const recolor = kind === "label" && patch.color !== undefined && patch.color !== current.color;
    if ((patch.name !== undefined && patch.name !== current.name) || recolor) await rename(tx, actor, kind, current, patch.name ?? current.name, patch.color);
    if (patch.active !== undefined && patch.active !== current.active) await setActive(tx, actor, kind, current, patch.active);
    if (patch.position !== undefined) {
      const ids = (await listRows(tx, kind)).map((r) => r.id);
      const order = movedTo(ids, id, patch.position);
      if (order.some((x, i) => x !== ids[i])) await reorderListIn(tx, actor, kind, order);
    }
    return itemOf(tx, kind, id);
  });
}

/** The settings screen's move buttons: every item's id in the new order. */
export function reorderList(actor: Actor, input: { kind: ListKind; ids: string[] }) {
  return adminTransaction(actor, (tx) => reorderListIn(tx, actor, input.kind, input.ids));
}

async function reorderListIn(tx: Tx, actor: Actor, kind: ListKind, ids: string[]) {
  const existing = await listRows(tx, kind);
  if (!isPermutation(existing.map((r) => r.id), ids)) throw validationError({ ids: "The list changed meanwhile; reload and try again" });
  for (const [i, id] of ids.entries()) await writeRow(tx, kind, id, { position: i });
  await writeAudit(tx, actor, { action: `${kind}.reorder`, entity: ENTITY[kind], before: existing.map((r) => r.name), after: ids.map((id) => existing.find((r) => r.id === id)!.name) });
  return { ids };
}

/** Deletes a lost reason no opportunity names; one in use is a CONFLICT (deactivate it instead). */
export function deleteLostReason(actor: Actor, id: string) {
  return adminTransaction(actor, async (tx) => {
    const reason = await tx.lostReason.findUnique({ where: { id } });
    if (!reason) throw notFound(NOUN.lostReason);
    const used = await tx.opportunity.count({ where: { lostReasonId: reason.id } });
    if (used > 0) {
      throw new AppError("CONFLICT", `${used} opportunities were lost for this reason; deactivate it instead (active: false) so that they keep it`);
    }
    await tx.lostReason.delete({ where: { id: reason.id } });
    const rest = await listRows(tx, "lostReason");
    for (const [i, r] of rest.entries()) if (r.position !== i) await writeRow(tx, "lostReason", r.id, { position: i });
    await writeAudit(tx, actor, { action: "lostReason.delete", entity: ENTITY.lostReason, entityId: reason.id, before: { name: reason.name, active: reason.active } });
    return { id: reason.id, deleted: true as const };
  });
}
