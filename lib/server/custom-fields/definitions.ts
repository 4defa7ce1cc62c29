// The admin's custom field definitions as forms and services read them, and
// the server-side check of submitted values against them.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import {
  customFieldErrors,
  normalizeCustomFields,
  type CustomFieldDefinitionInput,
  type CustomFieldValue,
} from "@/lib/validation/opportunity-custom-fields";
import { AppError } from "../errors";

export type CustomFieldDefinitionDto = CustomFieldDefinitionInput & { id: string; position: number };

type Db = Prisma.TransactionClient;

/** Active definitions in display order; inactive ones are hidden and no longer enforced. */
export async function activeCustomFieldDefinitions(db?: Db): Promise<CustomFieldDefinitionDto[]> {
  const rows = await (db ?? prisma()).customFieldDefinition.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { id: true, key: true, label: true, type: true, options: true, required: true, position: true },
  });
  return rows;
}

/**
 * The active definitions as one JSON column of a larger read (the opportunity
 * writes read them in their one statement), in activeCustomFieldDefinitions' order, with
 * what checkedCustomFields needs.
 */
export const ACTIVE_DEFINITIONS_JSON_SQL = Prisma.sql`(
  SELECT COALESCE(json_agg(json_build_object('key', d."key", 'label', d."label", 'type', d."type", 'options', d."options",
    'required', d."required") ORDER BY d."position", d."key"), '[]')
  FROM "CustomFieldDefinition" d WHERE d."active" = TRUE)`;

/**
 * Validates and normalizes values against the active `definitions`; throws
 * VALIDATION naming `customFields.<key>`. Values stored under definitions
 * that were since deactivated are kept as they are.
 */
export function checkedCustomFields(
  definitions: CustomFieldDefinitionInput[],
  values: Record<string, CustomFieldValue>,
  previous: Record<string, unknown> = {},
): Prisma.InputJsonObject {
  const active = new Set(definitions.map((d) => d.key));
  const errors = customFieldErrors(definitions, values);
  if (Object.keys(errors).length) {
    throw new AppError("VALIDATION", "Some custom fields are invalid", Object.fromEntries(Object.entries(errors).map(([k, m]) => [`customFields.${k}`, m])));
  }
  const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => !active.has(k))) as Prisma.InputJsonObject;
  return { ...kept, ...normalizeCustomFields(definitions, values) };
}
