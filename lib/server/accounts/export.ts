// CSV export of the accounts list with its search, streamed; the columns are
// the import's field names, so the file imports back without mapping.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { csvStream } from "../exports/csv-stream";
import { accountSearchWhere } from "./list";

const PAGE = 1000;

export function exportAccountsCsv(_actor: Actor, q: string): ReadableStream<Uint8Array> {
  return csvStream(
    ["name", "externalId", "industry", "segment", "territory", "website", "phone", "city", "country", "employees", "annualRevenue", "owner"],
    async (after) =>
      (await prisma().account.findMany({
        where: { AND: [accountSearchWhere(q), ...(after ? [{ id: { gt: after } }] : [])] },
        orderBy: { id: "asc" },
        take: PAGE,
        include: { owner: { select: { email: true } } },
      })).map((a) => ({ ...a, key: a.id })),
    (a) => [a.name, a.externalId ?? "", a.industry ?? "", a.segment ?? "", a.territory ?? "", a.website ?? "", a.phone ?? "", a.city ?? "", a.country ?? "", a.employees?.toString() ?? "", a.annualRevenue?.toFixed(2) ?? "", a.owner?.email ?? ""],
  );
}
