"use server";

import { serverAction } from "@/lib/server/action";
import { createCustomField, reorderCustomFields, setCustomFieldActive, updateCustomField } from "@/lib/server/custom-fields/manage";
import { reorderSchema } from "@/lib/validation/common-fields";
import { customFieldActiveSchema, customFieldCreateSchema, customFieldUpdateSchema } from "@/lib/validation/custom-fields";

export const createCustomFieldAction = serverAction(customFieldCreateSchema, (actor, input) => createCustomField(actor, input));
export const updateCustomFieldAction = serverAction(customFieldUpdateSchema, (actor, input) => updateCustomField(actor, input));
export const reorderCustomFieldsAction = serverAction(reorderSchema, (actor, input) => reorderCustomFields(actor, input));
export const setCustomFieldActiveAction = serverAction(customFieldActiveSchema, (actor, input) => setCustomFieldActive(actor, input));
