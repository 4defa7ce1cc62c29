"use server";

import { serverAction } from "@/lib/server/action";
import { createCustomField, reorderCustomFields, setCustomFieldActive, updateCustomField } from "@/lib/server/settings/custom-fields";
import { reorderSchema } from "@/lib/validation/settings-common";
import { customFieldActiveSchema, customFieldCreateSchema, customFieldUpdateSchema } from "@/lib/validation/settings-custom-fields";

export const createCustomFieldAction = serverAction(customFieldCreateSchema, createCustomField);
export const updateCustomFieldAction = serverAction(customFieldUpdateSchema, updateCustomField);
export const reorderCustomFieldsAction = serverAction(reorderSchema, reorderCustomFields);
export const setCustomFieldActiveAction = serverAction(customFieldActiveSchema, setCustomFieldActive);
