// CSV export of the contacts list with its search, streamed, in the import's
// field names (the account by name).
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { csvStream } from "../exports/csv-stream";
import { contactSearchWhere } from "./list";

const PAGE = 1000;

export function exportContactsCsv(_actor: Actor, q: string): ReadableStream<Uint8Array> {
  return csvStream(
    ["firstName", "lastName", "externalId", "email", "phone", "jobTitle", "account"],
    async (after) =>
      (await prisma().contact.findMany({
        where: { AND: [contactSearchWhere(q), ...(after ? [{ id: { gt: after } }] : [])] },
        orderBy: { id: "asc" },
        take: PAGE,
        include: { account: { select: { name: true } } },
      })).map((c) => ({ ...c, key: c.id })),
    (c) => [c.firstName, c.lastName, c.externalId ?? "", c.email ?? "", c.phone ?? "", c.jobTitle ?? "", c.account?.name ?? ""],
  );
}
