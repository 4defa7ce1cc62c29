// What the wizard offers: the fields of each entity (custom fields included)
// for the mapping, and the existing records an unknown name can be mapped to.
import { prisma } from "@/lib/db";
import { customImportFields, fieldsOf, IMPORT_ENTITIES, type ImportEntity } from "@/lib/domain/import/fields";
import type { Actor } from "../auth/actor";
import { assertImporter } from "./access";
import { customFieldInfo } from "./upload";

export interface WizardOptions {
  fields: Record<ImportEntity, { key: string; label: string; required: boolean }[]>;
  /** By reference kind: the existing records a name can be mapped to. */
  targets: Record<string, { id: string; label: string }[]>;
  savedMappings: { id: string; name: string; entity: string }[];
}

export async function importWizardOptions(actor: Actor): Promise<WizardOptions> {
  assertImporter(actor);
  const [custom, stages, pipelines, users, sources, types, lostReasons, saved] = await Promise.all([
    customFieldInfo(),
    prisma().stage.findMany({ where: { pipeline: { isArchived: false } }, select: { id: true, name: true, pipeline: { select: { name: true } } }, orderBy: [{ pipeline: { position: "asc" } }, { position: "asc" }] }),
    prisma().pipeline.findMany({ where: { isArchived: false }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
    prisma().user.findMany({ where: { active: true }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    prisma().source.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
    prisma().opportunityType.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
    prisma().lostReason.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
    prisma().importMapping.findMany({ where: { createdById: actor.id }, select: { id: true, name: true, entity: true }, orderBy: { name: "asc" } }),
  ]);
  const fields = Object.fromEntries(
    IMPORT_ENTITIES.map((e) => [e, [...fieldsOf(e), ...(e === "opportunity" ? customImportFields(custom) : [])].map((f) => ({ key: f.key, label: f.label, required: !!f.required }))]),
  ) as WizardOptions["fields"];
  return {
    fields,
    targets: {
      stage: stages.map((s) => ({ id: s.id, label: `${s.pipeline.name} · ${s.name}` })),
      pipeline: pipelines.map((p) => ({ id: p.id, label: p.name })),
      user: users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` })),
      source: sources.map((s) => ({ id: s.id, label: s.name })),
      type: types.map((s) => ({ id: s.id, label: s.name })),
      lostReason: lostReasons.map((s) => ({ id: s.id, label: s.name })),
    },
    savedMappings: saved,
  };
}
