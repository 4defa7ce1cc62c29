// GET /opportunities/export?<table filters>: the filtered rows as CSV.
import { csvResponse, sessionRoute } from "@/lib/api/session-route";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/list/export";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

export const GET = sessionRoute(async ({ actor, url }) => {
  const query = parseOpportunityTableQuery(Object.fromEntries(url.searchParams));
  return csvResponse("opportunities", await exportOpportunitiesCsv(actor, query.filters, query.sort, query.dir));
});
