"use server";

// The lists screen's actions (sources, types, lost reasons, labels): the same
// services as /api/v1/lost-reasons.
import { serverAction } from "@/lib/server/action";
import { createListItem, reorderList, updateListItem } from "@/lib/server/lists/write";
import { listItemCreateActionSchema, listItemUpdateActionSchema, listReorderSchema } from "@/lib/validation/lists";

export const createListItemAction = serverAction(listItemCreateActionSchema, (actor, { kind, ...input }) => createListItem(actor, kind, input));
export const updateListItemAction = serverAction(listItemUpdateActionSchema, (actor, { kind, id, ...patch }) => updateListItem(actor, kind, id, patch));
export const reorderListAction = serverAction(listReorderSchema, (actor, input) => reorderList(actor, input));
