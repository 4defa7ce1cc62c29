// CSV export of the line items of the opportunities the table shows (the same
// filters and visibility condition: a private deal's lines never leak),
// streamed page by page.
import { database } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { OpportunityFilters } from "@/lib/validation/opportunity-list";
import type { Actor } from "../auth/actor";
import { csvStream } from "../exports/csv-stream";
import { TABLE_SOURCE, tableConditionSql } from "../opportunities/list/table";

const PAGE = 1000;

interface Row {
  key: string;
  opportunityId: string;
  externalId: string | null;
  title: string;
  position: number;
  code: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string;
  billing: string;
  total: string;
  currency: string;
}

export function exportLineItemsCsv(actor: Actor, filters: OpportunityFilters): ReadableStream<Uint8Array> {
  const condition = tableConditionSql(actor, filters);
  return csvStream<Row>(
    ["opportunityId", "opportunityExternalId", "opportunity", "position", "code", "name", "description", "quantity", "unit", "unitPrice", "discountPercent", "billing", "total", "currency"],
    async (after) => {
      const sql = Prisma.sql`
        SELECT li."id" AS "key", o."id" AS "opportunityId", o."externalId", o."title", li."position", li."code", li."name", li."description",
          li."quantity"::text AS "quantity", li."unit", li."unitPrice"::text AS "unitPrice", li."discountPercent"::text AS "discountPercent",
          li."billing"::text AS "billing", li."total"::text AS "total", o."currencyCode" AS "currency"
        FROM ${TABLE_SOURCE} JOIN "LineItem" li ON li."opportunityId" = o."id"
        WHERE ${condition} ${after ? Prisma.sql`AND li."id" > ${after}` : Prisma.empty}
        ORDER BY li."id" LIMIT ${PAGE}::int`;
      return database().query<Row>(sql.text, sql.values);
    },
    (r) => [r.opportunityId, r.externalId ?? "", r.title, String(r.position), r.code ?? "", r.name, r.description ?? "", r.quantity, r.unit ?? "", r.unitPrice, r.discountPercent, r.billing, r.total, r.currency],
  );
}
