// GET /import/{id}/errors: the rejected rows as CSV, with an "error" column.
import { sessionRoute } from "@/lib/api/session-route";
import { importErrorsCsv } from "@/lib/server/imports/read";

export const GET = sessionRoute<{ id: string }>(async ({ actor, params }) => {
  const { fileName, body } = await importErrorsCsv(actor, params.id);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}.csv"` } });
});
