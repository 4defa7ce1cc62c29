// Inputs of the admin-edited lists behind the forms (sources, opportunity
// types, lost reasons, labels), one schema per input for the settings screen,
// its actions, and the REST API's lost reasons. Strict objects: unknown fields are errors.
import { z } from "zod";
import { activeField, colorSchema, idSchema, nameSchema, positionField } from "./common-fields";

export const LIST_KINDS = ["source", "type", "lostReason", "label"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const listKindSchema = z.enum(LIST_KINDS);

/** `color` is for labels only; the other lists ignore it. */
export const listItemCreateSchema = z.strictObject({ name: nameSchema, color: colorSchema.optional() });
/** PATCH: rename (and recolor a label), deactivate or reactivate, move; fields not sent stay as they are. */
export const listItemUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  color: colorSchema.optional(),
  active: activeField.optional(),
  position: positionField.optional(),
});
export type ListItemCreateInput = z.output<typeof listItemCreateSchema>;
export type ListItemPatch = z.output<typeof listItemUpdateSchema>;

// Lost reasons are also an API resource; they have no color.
export const lostReasonCreateSchema = listItemCreateSchema.omit({ color: true });
export const lostReasonUpdateSchema = listItemUpdateSchema.omit({ color: true });

// The settings actions name the list (and the item) in their input; the API names them in the path.
export const listItemCreateActionSchema = listItemCreateSchema.extend({ kind: listKindSchema });
export const listItemUpdateActionSchema = listItemUpdateSchema.extend({ kind: listKindSchema, id: idSchema });
export const listReorderSchema = z.strictObject({ kind: listKindSchema, ids: z.array(idSchema).min(1).max(500) });
