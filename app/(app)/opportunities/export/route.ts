// GET /opportunities/export?<table filters>: the filtered rows as CSV.
import { currentActor } from "@/lib/server/auth/session";
import { errorResponse } from "@/lib/server/error-mapping";
import { exportOpportunitiesCsv } from "@/lib/server/opportunities/export";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) return Response.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue" } }, { status: 401 });
    const query = parseOpportunityTableQuery(Object.fromEntries(new URL(request.url).searchParams));
    const csv = await exportOpportunitiesCsv(actor, query.filters, query.sort, query.dir);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="opportunities-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const { status, body } = errorResponse(error);
    return Response.json(body, { status });
  }
}
