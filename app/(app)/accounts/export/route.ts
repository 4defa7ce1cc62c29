// GET /accounts/export?q=: the accounts list (with its search) as CSV, streamed.
import { sessionRoute } from "@/lib/api/session-route";
import { exportAccountsCsv } from "@/lib/server/accounts/export";
import { csvDownload } from "@/lib/server/exports/csv-stream";
import { searchSchema } from "@/lib/validation/account";

export const GET = sessionRoute(async ({ actor, url }) => {
  const { q } = searchSchema.parse({ q: url.searchParams.get("q") ?? "" });
  return csvDownload("accounts", exportAccountsCsv(actor, q));
});
