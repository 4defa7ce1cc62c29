// Inputs of the admin-editable lists behind the forms.
import { z } from "zod";
import { colorSchema, idSchema, nameSchema } from "./settings-common";

export const LIST_KINDS = ["source", "type", "lostReason", "label"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const listKindSchema = z.enum(LIST_KINDS);

export const listItemCreateSchema = z.object({ kind: listKindSchema, name: nameSchema, color: colorSchema.optional() });
export const listItemRenameSchema = z.object({ kind: listKindSchema, id: idSchema, name: nameSchema, color: colorSchema.optional() });
export const listReorderSchema = z.object({ kind: listKindSchema, ids: z.array(idSchema).min(1).max(500) });
export const listActiveSchema = z.object({ kind: listKindSchema, id: idSchema, active: z.boolean() });
