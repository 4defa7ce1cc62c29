// Checks custom field values against the admin's definitions. Pure, so the
// form runs it before submit and the service runs it again on the server.
import type { CustomFieldDefinitionInput } from "./custom-fields";
import { isIsoDate } from "./opportunity-fields";

export type { CustomFieldDefinitionInput };

export type CustomFieldValue = string | number | boolean | null;

const isBlank = (v: CustomFieldValue | undefined) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function typeError(def: CustomFieldDefinitionInput, value: CustomFieldValue): string | null {
  switch (def.type) {
    case "TEXT":
    case "TEXTAREA":
      if (typeof value !== "string") return `${def.label} must be text`;
      return def.type === "TEXT" && value.length > 500 ? `${def.label}: use at most 500 characters` : null;
    case "NUMBER":
      if (typeof value === "number") return Number.isFinite(value) ? null : `${def.label} must be a number`;
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? null : `${def.label} must be a number`;
    case "SELECT":
      return typeof value === "string" && def.options.includes(value) ? null : `Choose one of the options for ${def.label}`;
    case "CHECKBOX":
      return typeof value === "boolean" ? null : `${def.label} must be yes or no`;
    case "DATE":
      return typeof value === "string" && isIsoDate(value) ? null : `${def.label} must be a valid date (YYYY-MM-DD)`;
  }
}

/**
 * Field-keyed messages for every bad value: unknown keys, wrong types,
 * options not in the list, and required fields left blank. Empty when all is well.
 */
export function customFieldErrors(definitions: CustomFieldDefinitionInput[], values: Record<string, CustomFieldValue>): Record<string, string> {
  const errors: Record<string, string> = {};
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) if (!byKey.has(key)) errors[key] = `There is no custom field "${key}"`;
  for (const def of definitions) {
    const value = values[def.key];
    if (isBlank(value)) {
      if (def.required) errors[def.key] = `${def.label} is required`;
      continue;
    }
    const error = typeError(def, value as CustomFieldValue);
    if (error) errors[def.key] = error;
  }
  return errors;
}

/** The stored form of the values: blanks dropped, numbers as numbers, text trimmed. */
export function normalizeCustomFields(definitions: CustomFieldDefinitionInput[], values: Record<string, CustomFieldValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const def of definitions) {
    const value = values[def.key];
    if (isBlank(value)) continue;
    if (def.type === "NUMBER") out[def.key] = typeof value === "number" ? value : Number(String(value).trim());
    else out[def.key] = typeof value === "string" ? value.trim() : (value as boolean);
  }
  return out;
}
