"use server";

import { serverAction } from "@/lib/server/action";
import { createListItem, renameListItem, reorderList, setListItemActive } from "@/lib/server/settings/lists";
import { listActiveSchema, listItemCreateSchema, listItemRenameSchema, listReorderSchema } from "@/lib/validation/settings-lists";

export const createListItemAction = serverAction(listItemCreateSchema, createListItem);
export const renameListItemAction = serverAction(listItemRenameSchema, renameListItem);
export const reorderListAction = serverAction(listReorderSchema, reorderList);
export const setListItemActiveAction = serverAction(listActiveSchema, setListItemActive);
