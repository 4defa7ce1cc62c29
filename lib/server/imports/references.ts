// Resolving what a row names (stage, pipeline, owner, account, contact,
// lists) to ids, the way a person would read the cell: names compared without
// regard to case, owners by e-mail or name, accounts by external id or name,
// contacts by e-mail. Names the user mapped in the wizard (settings.references)
// come first. Small lists are read once per run; accounts and contacts are
// looked up per distinct value and remembered.
import type { AppPrismaClient } from "@/lib/db";
import type { ReferenceKind } from "@/lib/domain/import/fields";
import type { ImportSettings } from "@/lib/validation/imports";
import type { Actor } from "../auth/actor";
import { createAccount } from "../accounts/write";
import type { AccountDto } from "../accounts/dto";

type Db = Pick<AppPrismaClient, "pipeline" | "stage" | "user" | "source" | "opportunityType" | "lostReason" | "label" | "account" | "contact">;

export type Resolved = { ok: true; id: string; created?: boolean } | { ok: false; message: string; unknown?: boolean };

const key = (s: string) => s.trim().toLowerCase();
/** The id a dry run gives an account it would create. */
export const NEW_ACCOUNT = "(new account)";

interface StageRow {
  id: string;
  name: string;
  pipelineId: string;
}

export interface Resolver {
  resolve(kind: ReferenceKind, value: string, context?: { pipelineId?: string }): Promise<Resolved>;
  /** Labels by key or name; null for an unknown one. */
  label(value: string): string | null;
  /** The default pipeline's id (stages are looked for there when no pipeline column is given). */
  defaultPipelineId: string | null;
}

function byName<T extends { id: string; name: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r.name), [...(map.get(key(r.name)) ?? []), r]);
  return map;
}

/** `onAccountCreated`: an account made on the fly, for the import's undo record. */
export async function loadResolver(
  db: Db,
  actor: Actor,
  settings: ImportSettings,
  options: { dryRun: boolean },
  onAccountCreated: (account: AccountDto) => Promise<void> = async () => undefined,
): Promise<Resolver> {
  const [pipelines, stages, users, sources, types, lostReasons, labels] = await Promise.all([
    db.pipeline.findMany({ where: { isArchived: false }, select: { id: true, name: true, isDefault: true } }),
    db.stage.findMany({ select: { id: true, name: true, pipelineId: true } }),
    db.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true } }),
    db.source.findMany({ where: { active: true }, select: { id: true, name: true } }),
    db.opportunityType.findMany({ where: { active: true }, select: { id: true, name: true } }),
    db.lostReason.findMany({ where: { active: true }, select: { id: true, name: true } }),
    db.label.findMany({ where: { active: true }, select: { key: true, name: true } }),
  ]);
  const pipelineNames = byName(pipelines);
  const stageNames = byName<StageRow>(stages);
  const userByEmail = new Map(users.map((u) => [key(u.email), u.id]));
  const userByName = byName(users);
  const lists = { source: byName(sources), type: byName(types), lostReason: byName(lostReasons) };
  const labelKeys = new Map<string, string>();
  for (const l of labels) {
    labelKeys.set(key(l.key), l.key);
    labelKeys.set(key(l.name), l.key);
  }
  const defaultPipelineId = (pipelines.find((p) => p.isDefault) ?? pipelines[0])?.id ?? null;
  const cache = new Map<string, Resolved>();

  const one = <T extends { id: string }>(found: T[] | undefined, what: string, value: string): Resolved => {
    if (!found?.length) return { ok: false, message: `Unknown ${what} "${value}"`, unknown: true };
    if (found.length > 1) return { ok: false, message: `${found.length} ${what}s are called "${value}"` };
    return { ok: true, id: found[0].id };
  };

  async function account(value: string): Promise<Resolved> {
    const byExternal = await db.account.findMany({ where: { externalId: value.trim() }, select: { id: true } });
    if (byExternal.length) return { ok: true, id: byExternal[0].id };
    const named = await db.account.findMany({ where: { name: { equals: value.trim(), mode: "insensitive" } }, select: { id: true }, take: 2 });
    if (named.length > 1) return { ok: false, message: `Several accounts are called "${value}"; name it by its external id` };
    if (named.length) return { ok: true, id: named[0].id };
    if (!settings.createMissing) return { ok: false, message: `Unknown account "${value}"`, unknown: true };
    // Created through the accounts' own service (validators, events), once per name; a dry run only says it would be.
    if (options.dryRun) return { ok: true, id: NEW_ACCOUNT, created: true };
    const created = await createAccount(actor, { name: value.trim() });
    await onAccountCreated(created);
    return { ok: true, id: created.id, created: true };
  }

  async function contact(value: string): Promise<Resolved> {
    const found = await db.contact.findMany({ where: { OR: [{ email: { equals: value.trim(), mode: "insensitive" } }, { externalId: value.trim() }] }, select: { id: true }, take: 2 });
    if (found.length > 1) return { ok: false, message: `Several contacts have the e-mail ${value}` };
    return found.length ? { ok: true, id: found[0].id } : { ok: false, message: `No contact with the e-mail ${value}`, unknown: true };
  }

  return {
    defaultPipelineId,
    label: (value) => labelKeys.get(key(value)) ?? null,
    async resolve(kind, value, context = {}) {
      const mapped = settings.references[kind]?.[key(value)];
      if (mapped) return { ok: true, id: mapped };
      switch (kind) {
        case "pipeline":
          return one(pipelineNames.get(key(value)), "pipeline", value);
        case "stage": {
          const all = stageNames.get(key(value)) ?? [];
          const pipelineId = context.pipelineId ?? defaultPipelineId;
          const inPipeline = all.filter((s) => s.pipelineId === pipelineId);
          if (inPipeline.length === 0 && all.length > 0 && !context.pipelineId) return one(all, "stage", value);
          return one(inPipeline, "stage", value);
        }
        case "user": {
          const id = userByEmail.get(key(value));
          return id ? { ok: true, id } : one(userByName.get(key(value)), "user", value);
        }
        case "source":
        case "type":
        case "lostReason":
          return one(lists[kind].get(key(value)), kind === "lostReason" ? "lost reason" : kind, value);
        case "account":
        case "contact": {
          const cached = cache.get(`${kind}:${key(value)}`);
          if (cached) return cached;
          const result = kind === "account" ? await account(value) : await contact(value);
          cache.set(`${kind}:${key(value)}`, result.ok ? { ok: true, id: result.id } : result);
          return result;
        }
      }
    },
  };
}
