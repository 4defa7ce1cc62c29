// GET /opportunities/export/line-items?<table filters>: the line items of the visible, filtered deals as CSV, streamed.
import { sessionRoute } from "@/lib/api/session-route";
import { csvDownload } from "@/lib/server/exports/csv-stream";
import { exportLineItemsCsv } from "@/lib/server/line-items/export";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

export const GET = sessionRoute(async ({ actor, url }) => {
  const query = parseOpportunityTableQuery(Object.fromEntries(url.searchParams));
  return csvDownload("line-items", exportLineItemsCsv(actor, query.filters));
});
