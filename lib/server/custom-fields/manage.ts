// Administering custom field definitions (admins only; everyone reads the
// active ones through definitions.ts). Keys and types never change once
// created (values are stored under the key); removing a field or an option
// deactivates it and leaves the stored values in place, so it is recoverable.
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { isPermutation } from "@/lib/domain/pipeline-rules";
import type { CustomFieldDefinitionInput, customFieldActiveSchema, customFieldCreateSchema, customFieldUpdateSchema } from "@/lib/validation/custom-fields";
import type { Actor } from "../auth/actor";
import { adminTransaction, assertAdmin, type Tx } from "../auth/admin";
import { writeAudit } from "../audit/write";
import { AppError, notFound, validationError } from "../errors";

export interface CustomFieldDto extends CustomFieldDefinitionInput {
  id: string;
  position: number;
  active: boolean;
  /** Opportunities holding a value for this field. */
  usage: number;
}

type Db = Pick<Tx, "$queryRaw">;

/** How many opportunities hold a value for `key` (optionally one of `values`). */
async function usage(db: Db, key: string, values?: string[]): Promise<number> {
  const rows = values
    ? await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Opportunity" WHERE "customFields" ->> ${key} = ANY(${values}::text[])`
    : await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Opportunity" WHERE "customFields" ? ${key} AND "customFields" -> ${key} <> 'null'::jsonb`;
  return Number(rows[0]?.n ?? 0);
}

export async function listCustomFields(actor: Actor): Promise<CustomFieldDto[]> {
  assertAdmin(actor);
  const defs = await prisma().customFieldDefinition.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return Promise.all(
    defs.map(async (d) => ({
      id: d.id, key: d.key, label: d.label, type: d.type, options: d.options, required: d.required, position: d.position, active: d.active,
      usage: await usage(prisma(), d.key),
    })),
  );
}

export function createCustomField(actor: Actor, input: z.output<typeof customFieldCreateSchema>) {
  return adminTransaction(actor, async (tx) => {
    const taken = await tx.customFieldDefinition.findUnique({ where: { key: input.key }, select: { active: true } });
    if (taken) {
      throw new AppError("CONFLICT", "This key is taken", { key: taken.active ? "Another field uses this key" : "A deactivated field uses this key; reactivate it instead" });
    }
    const position = await tx.customFieldDefinition.count();
    const options = input.type === "SELECT" ? input.options : [];
    const def = await tx.customFieldDefinition.create({ data: { key: input.key, label: input.label, type: input.type, options, required: input.required, position } });
    await writeAudit(tx, actor, { action: "customField.create", entity: "CustomFieldDefinition", entityId: def.id, after: { key: def.key, label: def.label, type: def.type, options, required: def.required } });
    return { id: def.id };
  });
}

export function updateCustomField(actor: Actor, input: z.output<typeof customFieldUpdateSchema>) {
  return adminTransaction(actor, async (tx) => {
    const before = await tx.customFieldDefinition.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("Custom field");
    const options = before.type === "SELECT" ? input.options : [];
    if (before.type === "SELECT" && options.length === 0) throw validationError({ options: "A select needs at least one option" });
    const removed = before.options.filter((o) => !options.includes(o));
    if (removed.length && !input.confirmRemovedOptions) {
      const held = await usage(tx, before.key, removed);
      if (held > 0) {
        throw new AppError("CONFLICT", `${held} opportunities hold a removed option (${removed.join(", ")}). Their values stay stored and come back if you add the option again.`, { options: `${held} opportunities use ${removed.join(", ")}` });
      }
    }
    await tx.customFieldDefinition.update({ where: { id: before.id }, data: { label: input.label, options, required: input.required } });
    await writeAudit(tx, actor, {
      action: "customField.update", entity: "CustomFieldDefinition", entityId: before.id,
      before: { label: before.label, options: before.options, required: before.required }, after: { label: input.label, options, required: input.required },
    });
    return { id: before.id };
  });
}

export function reorderCustomFields(actor: Actor, input: { ids: string[] }) {
  return adminTransaction(actor, async (tx) => {
    const defs = await tx.customFieldDefinition.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, key: true } });
    if (!isPermutation(defs.map((d) => d.id), input.ids)) throw validationError({ ids: "The fields changed meanwhile; reload and try again" });
    for (const [i, id] of input.ids.entries()) await tx.customFieldDefinition.update({ where: { id }, data: { position: i } });
    const key = new Map(defs.map((d) => [d.id, d.key]));
    await writeAudit(tx, actor, { action: "customField.reorder", entity: "CustomFieldDefinition", before: defs.map((d) => d.key), after: input.ids.map((id) => key.get(id)) });
    return { ids: input.ids };
  });
}

/** Deactivating a field that holds data needs `confirm`; the data stays stored either way. */
export function setCustomFieldActive(actor: Actor, input: z.output<typeof customFieldActiveSchema>) {
  return adminTransaction(actor, async (tx) => {
    const before = await tx.customFieldDefinition.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("Custom field");
    if (!input.active && !input.confirm) {
      const held = await usage(tx, before.key);
      if (held > 0) throw new AppError("CONFLICT", `${held} opportunities hold a value for ${before.label}. The values stay stored and come back if you reactivate the field.`);
    }
    await tx.customFieldDefinition.update({ where: { id: before.id }, data: { active: input.active } });
    await writeAudit(tx, actor, { action: input.active ? "customField.activate" : "customField.deactivate", entity: "CustomFieldDefinition", entityId: before.id, before: { active: before.active }, after: { active: input.active } });
    return { id: before.id };
  });
}
