// GET /settings/products/export: the catalog as CSV (admins), in the columns the import reads.
import { currentActor } from "@/lib/server/auth/session";
import { errorResponse } from "@/lib/server/error-mapping";
import { exportProductsCsv } from "@/lib/server/products/csv";

export async function GET(): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) return Response.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue" } }, { status: 401 });
    const csv = await exportProductsCsv(actor);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="products-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const { status, body } = errorResponse(error);
    return Response.json(body, { status });
  }
}
