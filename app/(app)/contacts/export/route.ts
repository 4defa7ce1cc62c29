// GET /contacts/export?q=: the contacts list (with its search) as CSV, streamed.
import { sessionRoute } from "@/lib/api/session-route";
import { exportContactsCsv } from "@/lib/server/contacts/export";
import { csvDownload } from "@/lib/server/exports/csv-stream";
import { searchSchema } from "@/lib/validation/account";

export const GET = sessionRoute(async ({ actor, url }) => {
  const { q } = searchSchema.parse({ q: url.searchParams.get("q") ?? "" });
  return csvDownload("contacts", exportContactsCsv(actor, q));
});
