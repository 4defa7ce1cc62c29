// The API's lost-reason writes: the settings list services (admin only,
// audited) in one transaction. Lost reasons carry no updatedAt, so a PATCH has
// nothing to compare a client's copy with; the changes it sends simply apply.
import type { z } from "zod";
import { movedTo } from "@/lib/domain/pipeline-rules";
import type { lostReasonApiCreateSchema, lostReasonApiUpdateSchema } from "@/lib/validation/api-reference-lists";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { adminTransaction } from "../settings/admin";
import { createListItemIn, renameListItemIn, reorderListIn, setListItemActiveIn } from "../settings/lists";
import { getLostReason, type LostReasonDto } from "./read";

export function createLostReasonForApi(actor: Actor, input: z.output<typeof lostReasonApiCreateSchema>): Promise<LostReasonDto> {
  return adminTransaction(actor, async (tx) => {
    const { id } = await createListItemIn(tx, actor, { kind: "lostReason", name: input.name });
    return getLostReason(actor, id, tx);
  });
}

export function updateLostReasonForApi(actor: Actor, id: string, patch: z.output<typeof lostReasonApiUpdateSchema>): Promise<LostReasonDto> {
  return adminTransaction(actor, async (tx) => {
    const current = await tx.lostReason.findUnique({ where: { id } });
    if (!current) throw notFound("Lost reason");
    if (patch.name !== undefined && patch.name !== current.name) await renameListItemIn(tx, actor, { kind: "lostReason", id, name: patch.name });
    if (patch.active !== undefined && patch.active !== current.active) await setListItemActiveIn(tx, actor, { kind: "lostReason", id, active: patch.active });
    if (patch.position !== undefined) {
      const ids = (await tx.lostReason.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } })).map((r) => r.id);
      const order = movedTo(ids, id, patch.position);
      if (order.some((x, i) => x !== ids[i])) await reorderListIn(tx, actor, { kind: "lostReason", ids: order });
    }
    return getLostReason(actor, id, tx);
  });
}
