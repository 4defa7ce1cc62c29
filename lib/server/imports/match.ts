// Finding the existing record a row updates: opportunities by external id
// (only among those the importer may see: another user's private deal with
// the same external id is "taken", never revealed), accounts by external id,
// name or website domain, contacts by external id or e-mail.
import { prisma } from "@/lib/db";
import { domainOf } from "@/lib/domain/import/row";
import type { ImportEntity } from "@/lib/domain/import/fields";
import type { ImportSettings } from "@/lib/validation/imports";
import type { Actor } from "../auth/actor";
import { visibleOpportunities } from "../visibility";

export type Match = { kind: "none" } | { kind: "found"; id: string } | { kind: "refused"; message: string };

const NONE: Match = { kind: "none" };

export async function findMatch(actor: Actor, entity: ImportEntity, matchBy: ImportSettings["matchBy"], value: string): Promise<Match> {
  const v = value.trim();
  if (!v) return NONE;
  if (entity === "opportunity") {
    const row = await prisma().opportunity.findFirst({ where: { externalId: v }, select: { id: true } });
    if (!row) return NONE;
    const visible = await prisma().opportunity.count({ where: { AND: [{ id: row.id }, visibleOpportunities(actor)] } });
    return visible ? { kind: "found", id: row.id } : { kind: "refused", message: "This external id belongs to an opportunity you cannot see" };
  }
  if (matchBy === "externalId") {
    const row = entity === "account"
      ? await prisma().account.findUnique({ where: { externalId: v }, select: { id: true } })
      : await prisma().contact.findUnique({ where: { externalId: v }, select: { id: true } });
    return row ? { kind: "found", id: row.id } : NONE;
  }
  let ids: string[];
  if (entity === "contact") {
    ids = (await prisma().contact.findMany({ where: { email: { equals: v, mode: "insensitive" } }, select: { id: true }, take: 2 })).map((r) => r.id);
  } else if (matchBy === "domain") {
    const domain = domainOf(v);
    if (!domain) return NONE;
    const rows = await prisma().account.findMany({ where: { website: { contains: domain, mode: "insensitive" } }, select: { id: true, website: true }, take: 20 });
    ids = rows.filter((r) => r.website && domainOf(r.website) === domain).map((r) => r.id);
  } else {
    ids = (await prisma().account.findMany({ where: { name: { equals: v, mode: "insensitive" } }, select: { id: true }, take: 2 })).map((r) => r.id);
  }
  if (ids.length > 1) return { kind: "refused", message: `Several ${entity}s match "${v}"; match by external id instead` };
  return ids.length ? { kind: "found", id: ids[0] } : NONE;
}

/** The field whose column holds the match key. */
export const matchField = (settings: Pick<ImportSettings, "matchBy">) => (settings.matchBy === "domain" ? "website" : settings.matchBy);
